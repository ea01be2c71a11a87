using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Import;

internal sealed class ContactImport(ContactService contacts) : ImportMap(
    ["accountId", "firstName", "lastName", "title", "email", "phone", "ownerId", "regionId"],
    ["accountId", "lastName"],
    SalesLists.Contacts.ExportFields.Select(f => f.Name))
{
    public override async Task CreateAsync(ISalesDatabase db, CsvRow row, SalesPrincipal by, CancellationToken cancellationToken)
    {
        var fields = new ContactFields
        {
            AccountId = row.Value<long>("accountId") ?? 0,
            FirstName = row.Text("firstName"),
            LastName = row.Text("lastName") ?? "",
            Title = row.Text("title"),
            Email = row.Text("email"),
            Phone = row.Text("phone"),
            OwnerId = row.Value<long>("ownerId"),
            RegionId = row.Value<long>("regionId"),
        };
        row.ThrowIfInvalid();
        await contacts.CreateAsync(db, fields, by, cancellationToken);
    }
}
