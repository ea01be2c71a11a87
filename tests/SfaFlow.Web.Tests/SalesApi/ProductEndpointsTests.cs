using System.Net;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Orders;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.SalesApi;

/// <summary>The catalog over HTTP: everyone reads it, only admins change it, a product on an order is kept.</summary>
public sealed class ProductEndpointsTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _admin = factory.CreateClient(SalesRole.Admin);
    private readonly HttpClient _rep = factory.CreateClient(SalesRole.Rep);

    [Fact]
    public async Task Product_AdminCreatesAndChangesItAtItsVersion_ARepReadsIt_ButChangingIsForbidden()
    {
        var code = Code();
        var created = await _admin.PostJsonAsync("/api/products", $$"""{"code": "{{code}}", "name": "Licence", "price": 99.5, "currency": "eur"}""");
        var product = await created.JsonAsync(HttpStatusCode.Created);
        var id = product.GetProperty("id").GetInt64();

        var read = await _rep.GetAsync($"/api/products/{id}");
        var repCreates = await _rep.PostJsonAsync("/api/products", $$"""{"code": "{{Code()}}", "name": "Mine", "currency": "EUR"}""");
        var repChanges = await _rep.SendIfMatchAsync(HttpMethod.Put, $"/api/products/{id}", "\"1\"", $$"""{"code": "{{code}}", "name": "Cheaper", "price": 1, "currency": "EUR"}""");
        var repDeletes = await _rep.DeleteAsync($"/api/products/{id}");
        var changed = await _admin.SendIfMatchAsync(HttpMethod.Put, $"/api/products/{id}", "\"1\"", $$"""{"code": "{{code}}", "name": "Licence", "price": 120, "currency": "EUR", "isActive": false}""");
        var stale = await _admin.SendIfMatchAsync(HttpMethod.Put, $"/api/products/{id}", "\"1\"", $$"""{"code": "{{code}}", "name": "Lost", "currency": "EUR"}""");

        Assert.Equal(("\"1\"", "EUR", 99.5m), (created.Headers.ETag?.Tag, product.Text("currency"), product.GetProperty("price").GetDecimal()));
        Assert.Equal(("\"1\"", "Licence"), (read.Headers.ETag?.Tag, (await read.JsonAsync()).Text("name")));
        foreach (var refused in new[] { repCreates, repChanges, repDeletes })
        {
            Assert.Contains("products", (await refused.ProblemAsync(HttpStatusCode.Forbidden)).Text("detail"), StringComparison.Ordinal);
        }

        var body = await changed.JsonAsync();
        Assert.Equal(("\"2\"", 120m, false), (changed.Headers.ETag?.Tag, body.GetProperty("price").GetDecimal(), body.GetProperty("isActive").GetBoolean()));
        await stale.ProblemAsync(HttpStatusCode.Conflict);
        await (await _rep.GetAsync("/api/products/987654")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Product_WithInvalidFields_OrATakenCode_Is422_WithEachFieldNamed()
    {
        var code = Code();
        await (await _admin.PostJsonAsync("/api/products", $$"""{"code": "{{code}}", "name": "First", "currency": "EUR"}""")).JsonAsync(HttpStatusCode.Created);

        var invalid = await (await _admin.PostJsonAsync("/api/products", """{"code": "", "name": "", "price": -1, "currency": "euro"}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var taken = await (await _admin.PostJsonAsync("/api/products", $$"""{"code": "{{code}}", "name": "Second", "currency": "EUR"}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["code", "name", "price", "currency"], invalid.Items("errors").Select(e => e.Text("path")));
        Assert.Equal("code", Assert.Single(taken.Items("errors")).Text("path"));
    }

    [Fact]
    public async Task Product_OnAnOrder_IsNotDeleted_409_AnUnusedOneIs()
    {
        var used = (await (await _admin.PostJsonAsync("/api/products", $$"""{"code": "{{Code()}}", "name": "Sold", "currency": "EUR"}""")).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var unused = (await (await _admin.PostJsonAsync("/api/products", $$"""{"code": "{{Code()}}", "name": "Unsold", "currency": "EUR"}""")).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await OrderOfAsync(used);

        var inUse = await (await _admin.DeleteAsync($"/api/products/{used}")).ProblemAsync(HttpStatusCode.Conflict);
        var deleted = await _admin.SendIfMatchAsync(HttpMethod.Delete, $"/api/products/{unused}", "\"1\"");

        Assert.Contains("1 order refers to it", inUse.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await _rep.GetAsync($"/api/products/{unused}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ProductList_IsFilteredAndSortedForEveryone_AndExportsTheSameAsCsv()
    {
        var line = $"Line-{Guid.NewGuid():N}"[..13];
        foreach (var (name, price, isActive) in new[] { ("Small", 10m, true), ("Large", 30m, true), ("Retired", 20m, false) })
        {
            await (await _admin.PostJsonAsync("/api/products", $$"""{"code": "{{Code()}}", "name": "{{name}}", "productLine": "{{line}}", "price": {{price}}, "currency": "EUR", "isActive": {{(isActive ? "true" : "false")}}}"""))
                .JsonAsync(HttpStatusCode.Created);
        }

        var active = await (await _rep.GetAsync($"/api/products?productLine={line}&isActive=true&sort=-price")).JsonAsync();
        var cheap = await (await _rep.GetAsync($"/api/products?productLine={line}&priceMax=20&sort=price")).JsonAsync();
        var rows = (await (await _rep.GetAsync($"/api/products/export?productLine={line}&sort=name")).Content.ReadAsStringAsync())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(["Large", "Small"], active.Items().Select(p => p.Text("name")));
        Assert.Equal(["Small", "Retired"], cheap.Items().Select(p => p.Text("name")));
        Assert.StartsWith("id,version,code,name,productLine,price,currency,isActive,", rows[0], StringComparison.Ordinal);
        Assert.Equal([$"Large,{line},30,EUR,true", $"Retired,{line},20,EUR,false", $"Small,{line},10,EUR,true"], rows[1..].Select(r => string.Join(',', r.Split(',')[3..8])));
    }

    private static string Code() => $"P-{Guid.NewGuid():N}"[..12];

    /// <summary>An order with the product, as winning a deal leaves one (written directly: products are what is tested here).</summary>
    private async Task OrderOfAsync(long productId)
    {
        await using var db = await factory.Service<ISalesDatabaseFactory>().OpenAsync();
        var admin = await db.Users.SingleAsync(u => u.UserName == SfaFlowApiFactory.UserNameOf(SalesRole.Admin));
        var account = new Account { Name = "Buyer", OwnerId = admin.Id };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        db.Orders.Add(new Order
        {
            Number = Code(), AccountId = account.Id, Currency = "EUR", Total = 10, OrderedAt = DateTimeOffset.UtcNow, OwnerId = admin.Id,
            Lines = [new OrderLine { ProductId = productId, Quantity = 1, UnitPrice = 10, Total = 10 }],
        });
        await db.SaveChangesAsync();
    }
}
