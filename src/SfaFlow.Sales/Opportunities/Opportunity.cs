using SfaFlow.Sales.Pipelines;
using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Opportunities;

/// <summary>
/// A deal being worked through a pipeline. Probability and forecast category keep the stage's default and the rep's
/// override apart (both stored; the override wins). The analytic fields (highest stage, stage entered, pushes, amount in
/// the reporting currency) are maintained with every change, so pipeline queries never replay history.
/// </summary>
public sealed class Opportunity : SalesRecord, IOwnedRecord
{
    public required string Name { get; set; }

    public long AccountId { get; set; }

    public long PipelineId { get; set; }

    public long StageId { get; set; }

    public OpportunityStatus Status { get; set; }

    public decimal Amount { get; set; }

    /// <summary>ISO 4217 code.</summary>
    public required string Currency { get; set; }

    /// <summary><see cref="Amount"/> in the organization's reporting currency.</summary>
    public decimal AmountInReportingCurrency { get; set; }

    public DateOnly ExpectedCloseDate { get; set; }

    /// <summary>The stage's default probability, percent.</summary>
    public int StageProbability { get; set; }

    /// <summary>The rep's probability, percent, when they overrode the stage's.</summary>
    public int? ProbabilityOverride { get; set; }

    public int Probability => ProbabilityOverride ?? StageProbability;

    public ForecastCategory StageForecastCategory { get; set; }

    public ForecastCategory? ForecastCategoryOverride { get; set; }

    public ForecastCategory ForecastCategory => ForecastCategoryOverride ?? StageForecastCategory;

    public long OwnerId { get; set; }

    public long? RegionId { get; set; }

    public List<OpportunityLine> Lines { get; set; } = [];

    public string? LostReason { get; set; }

    public string? Competitor { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The order of the furthest stage the deal has been in.</summary>
    public int HighestStageOrder { get; set; }

    public DateTimeOffset StageEnteredAt { get; set; }

    public DateTimeOffset? LastActivityAt { get; set; }

    /// <summary>How often the expected close date was moved later.</summary>
    public int CloseDatePushCount { get; set; }

    /// <summary>The lead this deal was converted from, if any.</summary>
    public long? LeadId { get; set; }
}
