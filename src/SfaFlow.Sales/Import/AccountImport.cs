using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Import;

internal sealed class AccountImport(AccountService accounts) : ImportMap(
    ["name", "customerCategoryId", "regionId", "ownerId", "lifecycle", "website", "phone", "city", "country", "industry"],
    ["name"],
    SalesLists.Accounts.ExportFields.Select(f => f.Name))
{
    public override async Task CreateAsync(ISalesDatabase db, CsvRow row, SalesPrincipal by, CancellationToken cancellationToken)
    {
        var fields = new AccountFields
        {
            Name = row.Text("name") ?? "",
            CustomerCategoryId = row.Value<long>("customerCategoryId"),
            RegionId = row.Value<long>("regionId"),
            OwnerId = row.Value<long>("ownerId"),
            Lifecycle = row.Value<AccountLifecycle>("lifecycle") ?? AccountLifecycle.Prospect,
            Website = row.Text("website"),
            Phone = row.Text("phone"),
            City = row.Text("city"),
            Country = row.Text("country"),
            Industry = row.Text("industry"),
        };
        row.ThrowIfInvalid();
        await accounts.CreateAsync(db, fields, by, cancellationToken);
    }
}
