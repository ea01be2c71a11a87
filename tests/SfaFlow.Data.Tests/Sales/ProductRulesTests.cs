using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Products;
using SfaFlow.Sales.Records;

namespace SfaFlow.Data.Tests.Sales;

public sealed class ProductRulesTests
{
    private static ProductFields Support => new() { Code = "SUP", Name = "Support year", Price = 1200.5m, Currency = "eur" };

    [Fact]
    public async Task Changes_ByAnyoneButAnAdmin_AreRefused_AndNothingIsWritten()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var products = host.Get<ProductService>();

        var create = await Assert.ThrowsAsync<PermissionDeniedException>(() => products.CreateAsync(Support, s.Manager));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => products.UpdateAsync(s.Licence.Id, Support, null, s.Rep));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => products.DeleteAsync(s.Licence.Id, null, s.Rep));

        Assert.Equal("Only an admin may change products.", create.Message);
        await using var db = await host.OpenAsync();
        Assert.Equal(2, await db.Products.CountAsync());
    }

    [Fact]
    public async Task Create_InvalidFields_ReportsEachByField_CodesIncludingDuplicates()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var admin = await Admins.CreateAsync(host);
        var products = host.Get<ProductService>();

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => products.CreateAsync(Support with { Code = "LIC", Name = "", Price = -1, Currency = "euro" }, admin));
        var created = await products.CreateAsync(Support, admin);

        Assert.Equal(["name", "price", "currency", "code"], refused.Violations.Select(v => v.Field));
        Assert.Equal("There is a product with the code 'LIC' already.", refused.Violations[3].Message);
        Assert.Equal(("SUP", "EUR", 1200.5m, true), (created.Code, created.Currency, created.Price, created.IsActive));
    }

    [Fact]
    public async Task Delete_OfAProductOnADeal_IsRefused_AndDeactivatingItIsTheWay()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var admin = await Admins.CreateAsync(host);
        var products = host.Get<ProductService>();
        await host.Get<OpportunityService>().CreateAsync(Deals.Fields(s, "Licences", 0m, "EUR", new DateOnly(2027, 1, 1)) with { Lines = [new LineFields(s.Licence.Id, 1)] }, new(), s.Rep);

        var refused = await Assert.ThrowsAsync<RecordInUseException>(() => products.DeleteAsync(s.Licence.Id, null, admin));
        var retired = await products.UpdateAsync(s.Licence.Id, new ProductFields { Code = "LIC", Name = "Licence", Price = 1000m, Currency = "EUR", IsActive = false }, s.Licence.Version, admin);
        await products.DeleteAsync(s.Training.Id, null, admin);

        Assert.StartsWith("Product 'LIC' cannot be deleted: 1 deal refers to it. Deactivate it instead", refused.Message, StringComparison.Ordinal);
        Assert.Equal((false, 2), (retired.IsActive, retired.Version));
        await using var db = await host.OpenAsync();
        Assert.Equal(["LIC"], await db.Products.Select(p => p.Code).ToListAsync());
    }
}
