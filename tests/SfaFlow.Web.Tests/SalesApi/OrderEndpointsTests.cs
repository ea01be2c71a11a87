using System.Net;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Orders;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Products;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.SalesApi;

/// <summary>Orders over HTTP: read only, within scope, a single read with its lines, list and CSV.</summary>
public sealed class OrderEndpointsTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _rep = factory.CreateClient(SalesRole.Rep);

    [Fact]
    public async Task Order_IsReadWithItsLines_AndAnotherOwnersOrderIsNotFound()
    {
        var mine = await AddOrderAsync(SalesRole.Rep, OrderStatus.Open, 250m);
        var theirs = await AddOrderAsync(SalesRole.Manager, OrderStatus.Open, 100m);

        var read = await _rep.GetAsync($"/api/orders/{mine.Id}");
        var order = await read.JsonAsync();
        var hidden = await _rep.GetAsync($"/api/orders/{theirs.Id}");

        Assert.Equal(("\"1\"", mine.Number, 250m), (read.Headers.ETag?.Tag, order.Text("number"), order.GetProperty("total").GetDecimal()));
        Assert.Equal([(2m, 100m), (1m, 50m)], order.Items("lines").Select(l => (l.GetProperty("quantity").GetDecimal(), l.GetProperty("total").GetDecimal())));
        await hidden.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _rep.PostJsonAsync("/api/orders", "{}")).StatusCode);
    }

    [Fact]
    public async Task OrderList_IsScopedFilteredAndSorted_AndExportsTheSameAsCsv()
    {
        var small = await AddOrderAsync(SalesRole.Rep, OrderStatus.Open, 150m);
        var large = await AddOrderAsync(SalesRole.Rep, OrderStatus.Open, 900m, small.AccountId);
        await AddOrderAsync(SalesRole.Rep, OrderStatus.Cancelled, 500m, small.AccountId);
        var admin = factory.CreateClient(SalesRole.Admin);
        await AddOrderAsync(SalesRole.Admin, OrderStatus.Open, 700m, small.AccountId);

        var open = await (await _rep.GetAsync($"/api/orders?accountId={small.AccountId}&status=Open&sort=-total")).JsonAsync();
        var all = await (await admin.GetAsync($"/api/orders?accountId={small.AccountId}&totalMin=600")).JsonAsync();
        var rows = (await (await _rep.GetAsync($"/api/orders/export?accountId={small.AccountId}&sort=total")).Content.ReadAsStringAsync())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal([large.Number, small.Number], open.Items().Select(o => o.Text("number")));
        Assert.Empty(open.Items().SelectMany(o => o.Items("lines")));
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.StartsWith("id,version,number,accountId,opportunityId,status,currency,total,", rows[0], StringComparison.Ordinal);
        Assert.Equal(["Open,EUR,150", "Cancelled,EUR,500", "Open,EUR,900"], rows[1..].Select(r => string.Join(',', r.Split(',')[5..8])));
    }

    /// <summary>
    /// An order of the role's user with two lines, written directly: orders come from winning deals, which the deal tests
    /// cover; here only reading them is tested.
    /// </summary>
    private async Task<Order> AddOrderAsync(SalesRole owner, OrderStatus status, decimal total, long? accountId = null)
    {
        await using var db = await factory.Service<ISalesDatabaseFactory>().OpenAsync();
        var ownerId = (await db.Users.SingleAsync(u => u.UserName == SfaFlowApiFactory.UserNameOf(owner))).Id;
        var product = new Product { Code = $"O-{Guid.NewGuid():N}"[..12], Name = "Seat", Currency = "EUR", Price = 50 };
        db.Products.Add(product);
        if (accountId is null)
        {
            var account = new Account { Name = "Customer", OwnerId = ownerId };
            db.Accounts.Add(account);
            await db.SaveChangesAsync();
            accountId = account.Id;
        }

        var order = new Order
        {
            Number = $"SO-{Guid.NewGuid():N}"[..13], AccountId = accountId.Value, Status = status, Currency = "EUR", Total = total,
            OrderedAt = DateTimeOffset.UtcNow, OwnerId = ownerId,
        };
        await db.SaveChangesAsync();
        order.Lines = [new OrderLine { ProductId = product.Id, Quantity = 2, UnitPrice = 50, Total = 100 }, new OrderLine { ProductId = product.Id, Quantity = 1, UnitPrice = 50, Total = 50 }];
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order;
    }
}
