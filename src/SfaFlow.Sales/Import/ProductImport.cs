using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Products;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Import;

internal sealed class ProductImport(ProductService products) : ImportMap(
    ["code", "name", "productLine", "price", "currency", "isActive"],
    ["code", "name", "price", "currency"],
    SalesLists.Products.ExportFields.Select(f => f.Name))
{
    public override void Authorize(SalesPrincipal by) => by.RequireAdmin("import products");

    public override async Task CreateAsync(ISalesDatabase db, CsvRow row, SalesPrincipal by, CancellationToken cancellationToken)
    {
        var fields = new ProductFields
        {
            Code = row.Text("code") ?? "",
            Name = row.Text("name") ?? "",
            ProductLine = row.Text("productLine"),
            Price = row.Value<decimal>("price") ?? 0m,
            Currency = row.Text("currency") ?? "",
            IsActive = row.Value<bool>("isActive") ?? true,
        };
        row.ThrowIfInvalid();
        await products.CreateAsync(db, fields, by, cancellationToken);
    }
}
