namespace SfaFlow.Sales.Opportunities;

/// <summary>
/// One stay of a deal in a stage, maintained in the same transaction as the stage change: time-in-stage analytics read
/// these rows instead of pairing up history events.
/// </summary>
public sealed class StageVisit
{
    public long Id { get; set; }

    public long OpportunityId { get; set; }

    public long StageId { get; set; }

    public DateTimeOffset EnteredAt { get; set; }

    /// <summary>Null while the deal is still in the stage.</summary>
    public DateTimeOffset? ExitedAt { get; set; }

    public long? DurationSeconds { get; set; }
}
