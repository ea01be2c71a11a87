using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Import;

internal sealed class LeadImport(LeadService leads) : ImportMap(
    ["name", "company", "email", "phone", "source", "customerCategoryId", "regionId", "ownerId", "score", "scoreExplanation"],
    ["name"],
    SalesLists.Leads.ExportFields.Select(f => f.Name))
{
    public override async Task CreateAsync(ISalesDatabase db, CsvRow row, SalesPrincipal by, CancellationToken cancellationToken)
    {
        var fields = new LeadFields
        {
            Name = row.Text("name") ?? "",
            Company = row.Text("company"),
            Email = row.Text("email"),
            Phone = row.Text("phone"),
            Source = row.Text("source"),
            CustomerCategoryId = row.Value<long>("customerCategoryId"),
            RegionId = row.Value<long>("regionId"),
            OwnerId = row.Value<long>("ownerId"),
            Score = row.Value<int>("score"),
            ScoreExplanation = row.Text("scoreExplanation"),
        };
        row.ThrowIfInvalid();
        await leads.CreateAsync(db, fields, by, cancellationToken);
    }
}
