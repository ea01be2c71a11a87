using System.Globalization;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Pipelines;

namespace SfaFlow.Sales.Opportunities;

/// <summary>
/// A deal as scripts see it (<c>opportunity</c> in gates and workflow conditions): plain values with camelCase names,
/// dates as ISO strings, its lines, and what has been done on it (done activities by kind, subjects of done tasks).
/// </summary>
public static class OpportunityScriptView
{
    public static Dictionary<string, object?> Create(Opportunity deal, Stage stage, IReadOnlyList<SalesActivity> activities)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(activities);
        var done = activities.Where(a => a.Status == ActivityStatus.Done).ToList();
        return new Dictionary<string, object?>
        {
            ["id"] = deal.Id,
            ["name"] = deal.Name,
            ["accountId"] = deal.AccountId,
            ["leadId"] = deal.LeadId,
            ["pipelineId"] = deal.PipelineId,
            ["stageId"] = deal.StageId,
            ["stage"] = stage.Name,
            ["status"] = deal.Status.ToString(),
            ["amount"] = (double)deal.Amount,
            ["currency"] = deal.Currency,
            ["amountInReportingCurrency"] = (double)deal.AmountInReportingCurrency,
            ["expectedCloseDate"] = deal.ExpectedCloseDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["probability"] = deal.Probability,
            ["forecastCategory"] = deal.ForecastCategory.ToString(),
            ["ownerId"] = deal.OwnerId,
            ["regionId"] = deal.RegionId,
            ["competitor"] = deal.Competitor,
            ["lostReason"] = deal.LostReason,
            ["lines"] = deal.Lines.Select(l => new Dictionary<string, object?>
            {
                ["productId"] = l.ProductId,
                ["quantity"] = (double)l.Quantity,
                ["unitPrice"] = (double)l.UnitPrice,
                ["discountPercent"] = (double)l.DiscountPercent,
                ["total"] = (double)l.Total,
            }).ToList(),
            ["doneActivities"] = Enum.GetValues<ActivityKind>().ToDictionary(
                kind => kind.ToString().ToLowerInvariant(), kind => (object?)done.Count(a => a.Kind == kind)),
            ["completedTasks"] = done.Where(a => a.Kind == ActivityKind.Task).Select(a => (object?)a.Subject).ToList(),
        };
    }
}
