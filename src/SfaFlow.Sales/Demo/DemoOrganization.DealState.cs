using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Pipelines;

namespace SfaFlow.Sales.Demo;

internal sealed partial class DemoOrganization
{
    /// <summary>The fields a deal maintains from its history (DESIGN.md, "Data shaped for analytics"), and the rep's touches.</summary>
    private void Maintain(Opportunity deal, List<(Stage Stage, string? OverrideReason)> route, List<StageChange> history, OpportunityStatus status)
    {
        var current = route[^1].Stage;
        deal.StageId = current.Id;
        deal.Status = status;
        deal.StageEnteredAt = history[^1].At;
        // A lost deal's furthest stage is where it got to before it was lost, which is what conversion analytics need.
        deal.HighestStageOrder = route.Where(r => !r.Stage.IsLost).Max(r => r.Stage.Order);
        deal.StageProbability = current.DefaultProbability;
        deal.StageForecastCategory = current.ForecastCategory;
        deal.CreatedAt = history[0].At;
        deal.UpdatedAt = history[^1].At;
        switch (status)
        {
            case OpportunityStatus.Won:
                deal.ClosedAt = history[^1].At;
                break;
            case OpportunityStatus.Lost:
                deal.ClosedAt = history[^1].At;
                deal.LostReason = Pick(deal.PipelineId == PipelineNamed(DemoNames.Renewals).Id ? DemoText.ChurnReasons : DemoText.LostReasons);
                deal.Competitor = deal.LostReason.Contains("competitor", StringComparison.Ordinal) || _random.Bool(0.25f) ? Pick(DemoText.Competitors) : null;
                break;
            default:
                TouchOpenDeal(deal, current);
                break;
        }
    }

    private void TouchOpenDeal(Opportunity deal, Stage current)
    {
        // An open deal whose close date has passed is usually pushed by its rep; the rest stay overdue, as in real pipelines.
        if (deal.ExpectedCloseDate < Today && _random.Bool(0.7f))
        {
            deal.ExpectedCloseDate = Today.AddDays(_random.Number(7, 60));
            deal.CloseDatePushCount++;
        }

        if (_random.Bool(0.1f))
        {
            deal.ProbabilityOverride = Math.Clamp(current.DefaultProbability + Pick([-20, -10, 10, 15]), 5, 95);
        }

        if (_random.Bool(0.06f))
        {
            deal.ForecastCategoryOverride = current.ForecastCategory == ForecastCategory.Commit ? ForecastCategory.BestCase : ForecastCategory.Commit;
        }
    }
}
