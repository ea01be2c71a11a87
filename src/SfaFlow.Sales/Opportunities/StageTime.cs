namespace SfaFlow.Sales.Opportunities;

/// <summary>
/// How long one deal has spent in one stage, over all its visits, maintained in the same transaction as each stage change
/// (docs/sales.md, METRICS.md 2.4): time-in-stage reports and a deal's status bar read this one row instead of summing
/// visits. The visit still going on is not counted in the sums: its time is <c>now - LastEnteredAt</c> while
/// <see cref="InStage"/> is true, so readers decide whether to include it (censored visits are excluded from means by default).
/// </summary>
public sealed class StageTime
{
    public long OpportunityId { get; set; }

    public long StageId { get; set; }

    /// <summary>How many times the deal entered the stage (a reopened or moved-back deal enters again).</summary>
    public int Visits { get; set; }

    public DateTimeOffset FirstEnteredAt { get; set; }

    public DateTimeOffset LastEnteredAt { get; set; }

    /// <summary>When the deal last left the stage; null while it has never left.</summary>
    public DateTimeOffset? LastExitedAt { get; set; }

    /// <summary>Whether the deal is in the stage now.</summary>
    public bool InStage { get; set; }

    /// <summary>Seconds of every finished visit.</summary>
    public long CumulativeSeconds { get; set; }

    /// <summary>Seconds of the last finished visit (HubSpot's "latest time in stage"); null until one finished.</summary>
    public long? LatestSeconds { get; set; }
}
