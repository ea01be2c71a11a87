using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Pipelines;

namespace SfaFlow.Web.Api.Sales.Opportunities;

/// <summary>A deal as the API shows it: probability and forecast category with the stage's default and the override apart.</summary>
public sealed record OpportunityView(
    long Id, int Version, string Name, long AccountId, long PipelineId, long StageId, OpportunityStatus Status,
    decimal Amount, string Currency, decimal AmountInReportingCurrency, DateOnly ExpectedCloseDate,
    int Probability, int StageProbability, int? ProbabilityOverride,
    ForecastCategory ForecastCategory, ForecastCategory StageForecastCategory, ForecastCategory? ForecastCategoryOverride,
    long OwnerId, long? RegionId, IReadOnlyList<OpportunityLineView> Lines, string? LostReason, string? Competitor,
    DateTimeOffset? ClosedAt, int HighestStageOrder, DateTimeOffset StageEnteredAt, DateTimeOffset? LastActivityAt,
    int CloseDatePushCount, long? LeadId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static OpportunityView From(Opportunity deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return new(deal.Id, deal.Version, deal.Name, deal.AccountId, deal.PipelineId, deal.StageId, deal.Status, deal.Amount, deal.Currency,
            deal.AmountInReportingCurrency, deal.ExpectedCloseDate, deal.Probability, deal.StageProbability, deal.ProbabilityOverride,
            deal.ForecastCategory, deal.StageForecastCategory, deal.ForecastCategoryOverride, deal.OwnerId, deal.RegionId,
            [.. deal.Lines.Select(l => new OpportunityLineView(l.Id, l.ProductId, l.Quantity, l.UnitPrice, l.DiscountPercent, l.Total))],
            deal.LostReason, deal.Competitor, deal.ClosedAt, deal.HighestStageOrder, deal.StageEnteredAt, deal.LastActivityAt,
            deal.CloseDatePushCount, deal.LeadId, deal.CreatedAt, deal.UpdatedAt);
    }
}

public sealed record OpportunityLineView(long Id, long ProductId, decimal Quantity, decimal UnitPrice, decimal DiscountPercent, decimal Total);

/// <summary>The body of a create: the deal's fields and where it starts (default pipeline, first stage).</summary>
public sealed record CreateOpportunityRequest(OpportunityFields? Fields, long? PipelineId = null, long? StageId = null);

/// <summary>The body of a stage move.</summary>
public sealed record StageMoveRequest(long StageId, string? OverrideReason = null, string? LostReason = null, string? Competitor = null);

/// <summary>The body of "lose".</summary>
public sealed record LoseRequest(string? Reason, string? Competitor);

/// <summary>One entry of a deal's stage history.</summary>
public sealed record StageChangeView(long Id, long? FromStageId, long ToStageId, DateTimeOffset At, long? ByUserId, decimal Amount,
    int Probability, DateOnly ExpectedCloseDate, string? OverrideReason);

/// <summary>
/// A deal's time in one stage. Cumulative and latest count finished visits only; the stay going on is
/// <see cref="CurrentSeconds"/>, so a report can include or exclude it (METRICS.md 2.4).
/// </summary>
public sealed record StageTimeView(long StageId, string Stage, int Visits, DateTimeOffset FirstEnteredAt, DateTimeOffset LastEnteredAt,
    DateTimeOffset? LastExitedAt, bool InStage, long? CurrentSeconds, long? LatestSeconds, long CumulativeSeconds)
{
    public static StageTimeView From(StageTime time, string stage, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(time);
        var current = time.InStage ? (long?)Math.Max(0, (long)(now - time.LastEnteredAt).TotalSeconds) : null;
        return new(time.StageId, stage, time.Visits, time.FirstEnteredAt, time.LastEnteredAt, time.LastExitedAt, time.InStage, current,
            time.LatestSeconds, time.CumulativeSeconds);
    }
}
