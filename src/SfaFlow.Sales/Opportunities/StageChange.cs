namespace SfaFlow.Sales.Opportunities;

/// <summary>
/// One move of a deal between stages (or into its first stage, with no <see cref="FromStageId"/>), as it was: never
/// changed afterwards. Every pipeline analytic is computed from these.
/// </summary>
public sealed class StageChange
{
    public long Id { get; set; }

    public long OpportunityId { get; set; }

    public long PipelineId { get; set; }

    public long? FromStageId { get; set; }

    public long ToStageId { get; set; }

    public DateTimeOffset At { get; set; }

    public long? ByUserId { get; set; }

    public decimal Amount { get; set; }

    public int Probability { get; set; }

    public DateOnly ExpectedCloseDate { get; set; }

    /// <summary>Set when a gate or the pipeline's order was overridden: who allowed it is <see cref="ByUserId"/>, this is why.</summary>
    public string? OverrideReason { get; set; }
}
