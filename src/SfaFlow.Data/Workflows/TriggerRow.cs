namespace SfaFlow.Data.Workflows;

/// <summary>A trigger of a published definition, rebuilt on publish and retract.</summary>
internal sealed class TriggerRow
{
    public long Id { get; set; }

    public required string DefinitionId { get; set; }

    public required string DefinitionVersionId { get; set; }

    public required string ActivityId { get; set; }

    public required string Name { get; set; }

    public string? Key { get; set; }

    public required string Hash { get; set; }

    public string? CronExpression { get; set; }

    /// <summary>The cron expression's time zone (IANA id); null for UTC.</summary>
    public string? TimeZone { get; set; }

    public long? IntervalTicks { get; set; }

    public long? StartAt { get; set; }

    public long AnchorAt { get; set; }
}
