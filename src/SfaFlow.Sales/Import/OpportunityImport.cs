using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Pipelines;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Import;

/// <summary>
/// Deals start in the row's pipeline and stage (default: the default pipeline's first stage), through the same create as
/// any other door: a stage whose gate the deal does not meet refuses the row like any invalid field. Lines are not imported.
/// </summary>
internal sealed class OpportunityImport(OpportunityService opportunities) : ImportMap(
    ["name", "accountId", "amount", "currency", "expectedCloseDate", "ownerId", "regionId", "probabilityOverride", "forecastCategoryOverride", "competitor", "pipelineId", "stageId"],
    ["name", "accountId", "currency", "expectedCloseDate"],
    SalesLists.Opportunities.ExportFields.Select(f => f.Name))
{
    public override async Task CreateAsync(ISalesDatabase db, CsvRow row, SalesPrincipal by, CancellationToken cancellationToken)
    {
        var fields = new OpportunityFields
        {
            Name = row.Text("name") ?? "",
            AccountId = row.Value<long>("accountId") ?? 0,
            Amount = row.Value<decimal>("amount") ?? 0m,
            Currency = row.Text("currency") ?? "",
            ExpectedCloseDate = row.Value<DateOnly>("expectedCloseDate") ?? default,
            OwnerId = row.Value<long>("ownerId"),
            RegionId = row.Value<long>("regionId"),
            ProbabilityOverride = row.Value<int>("probabilityOverride"),
            ForecastCategoryOverride = row.Value<ForecastCategory>("forecastCategoryOverride"),
            Competitor = row.Text("competitor"),
        };
        var start = new OpportunityStart(row.Value<long>("pipelineId"), row.Value<long>("stageId"));
        row.ThrowIfInvalid();
        await opportunities.CreateAsync(db, fields, start, by, cancellationToken);
    }
}
