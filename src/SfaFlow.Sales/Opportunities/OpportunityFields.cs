using SfaFlow.Sales.Pipelines;

namespace SfaFlow.Sales.Opportunities;

/// <summary>What a person sets on a deal (create and update). Stage, status and the maintained fields are the rules' business.</summary>
public sealed record OpportunityFields
{
    public required string Name { get; init; }

    public long AccountId { get; init; }

    public decimal Amount { get; init; }

    public required string Currency { get; init; }

    public DateOnly ExpectedCloseDate { get; init; }

    /// <summary>Defaults to the person creating it.</summary>
    public long? OwnerId { get; init; }

    /// <summary>Defaults to the account's region.</summary>
    public long? RegionId { get; init; }

    public int? ProbabilityOverride { get; init; }

    public ForecastCategory? ForecastCategoryOverride { get; init; }

    public string? Competitor { get; init; }

    public IReadOnlyList<LineFields>? Lines { get; init; }
}

public sealed record LineFields(long ProductId, decimal Quantity, decimal? UnitPrice = null, decimal DiscountPercent = 0);

/// <summary>Where a new deal starts: a pipeline (default: the default pipeline) and a stage (default: its first).</summary>
public sealed record OpportunityStart(long? PipelineId = null, long? StageId = null, long? LeadId = null);

/// <summary>A move to another stage; lost stages need a reason; an override (needs the permission) says why.</summary>
public sealed record StageMove(long StageId, int? ExpectedVersion = null, string? OverrideReason = null, string? LostReason = null, string? Competitor = null);
