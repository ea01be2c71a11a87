using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Products;

/// <summary>
/// Products are base data: everyone signed in reads them (<see cref="Lists.SalesLists.Products"/>), only admins change
/// them. A product on a deal or an order stays; it is deactivated instead of deleted.
/// </summary>
public sealed class ProductService(ISalesDatabaseFactory databases)
{
    public async Task<Product> CreateAsync(ProductFields fields, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        return await CreateAsync(db, fields, by, cancellationToken);
    }

    /// <summary>Creates a product in an open unit of work (an import runs every row in one). Nothing is tracked when it is refused.</summary>
    /// <exception cref="PermissionDeniedException">The caller is not an admin.</exception>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "One service API: callers hold the service, not its type.")]
    public async Task<Product> CreateAsync(ISalesDatabase db, ProductFields fields, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        by.RequireAdmin("change products");
        var product = new Product { Code = "", Name = "", Currency = "" };
        await ApplyAsync(db, product, fields, cancellationToken);
        db.Products.Add(product);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return product;
    }

    /// <exception cref="PermissionDeniedException">The caller is not an admin.</exception>
    public async Task<Product> UpdateAsync(long id, ProductFields fields, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        by.RequireAdmin("change products");
        await using var db = await databases.OpenAsync(cancellationToken);
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new RecordNotFoundException(nameof(Product), id);
        product.CheckVersion(expectedVersion);
        await ApplyAsync(db, product, fields, cancellationToken);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return product;
    }

    /// <exception cref="PermissionDeniedException">The caller is not an admin.</exception>
    /// <exception cref="RecordInUseException">A deal or an order has the product.</exception>
    public async Task DeleteAsync(long id, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        by.RequireAdmin("delete products");
        await using var db = await databases.OpenAsync(cancellationToken);
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new RecordNotFoundException(nameof(Product), id);
        product.CheckVersion(expectedVersion);
        RecordInUseException.ThrowIfReferenced($"Product '{product.Code}'", "Deactivate it instead (isActive false): it stays on them and leaves the catalog.",
            (await db.Opportunities.CountAsync(o => o.Lines.Any(l => l.ProductId == id), cancellationToken), "deal", "deals"),
            (await db.Orders.CountAsync(o => o.Lines.Any(l => l.ProductId == id), cancellationToken), "order", "orders"));
        db.Products.Remove(product);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task ApplyAsync(ISalesDatabase db, Product product, ProductFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var violations = new List<RuleViolation>();
        var code = fields.Code?.Trim() ?? "";
        var currency = fields.Currency?.Trim().ToUpperInvariant() ?? "";
        violations.RequireText(code, "code", "A product needs a code.");
        violations.RequireText(fields.Name, "name", "A product needs a name.");
        violations.Require(fields.Price >= 0, "price", "A price cannot be negative.");
        violations.Require(currency.Length == 3 && currency.All(char.IsAsciiLetterUpper), "currency", $"'{fields.Currency}' is not a currency code (three letters, like EUR).");

        // Checked here, not left to the unique index, so the caller hears it by field along with everything else.
        violations.Require(code.Length == 0 || !await db.Products.AnyAsync(p => p.Id != product.Id && p.Code == code, cancellationToken),
            "code", $"There is a product with the code '{code}' already.");
        violations.ThrowIfAny($"The product '{fields.Code}' is not valid.");

        product.Code = code;
        product.Name = fields.Name.Trim();
        product.ProductLine = FieldRules.Clean(fields.ProductLine);
        product.Price = fields.Price;
        product.Currency = currency;
        product.IsActive = fields.IsActive;
    }
}
