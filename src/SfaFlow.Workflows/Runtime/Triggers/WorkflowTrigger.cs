namespace SfaFlow.Workflows.Runtime.Triggers;

/// <summary>
/// An activity of a published definition that starts new instances: an event name, a cron schedule, an interval, a
/// moment, or (for SFA and plugin triggers) a record event. Rebuilt whenever a definition is published or retracted.
/// </summary>
public sealed record WorkflowTrigger
{
    public required string DefinitionId { get; init; }

    public required string DefinitionVersionId { get; init; }

    /// <summary>The trigger activity; a run started by the trigger begins there.</summary>
    public required string ActivityId { get; init; }

    /// <summary>The trigger type, usually the activity type key (<c>Elsa.Event</c>, <c>Elsa.Cron</c>).</summary>
    public required string Name { get; init; }

    /// <summary>What a stimulus must match: an event name; null for time-based triggers.</summary>
    public string? Key { get; init; }

    public required string Hash { get; init; }

    /// <summary>Six-field cron expression (seconds first), for <c>Elsa.Cron</c> and scheduled fan-outs.</summary>
    public string? CronExpression { get; init; }

    /// <summary>The time zone the cron expression's hours are in (an IANA id such as <c>Europe/Berlin</c>); null for UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The interval, for <c>Elsa.Timer</c>.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>The moment, for <c>Elsa.StartAt</c>.</summary>
    public DateTimeOffset? StartAt { get; init; }

    /// <summary>When the trigger was indexed; interval occurrences count from here.</summary>
    public DateTimeOffset AnchorAt { get; init; }

    /// <summary>Identifies the trigger across republishing: occurrences are recorded against it.</summary>
    public string ScheduleKey => $"{DefinitionId}:{ActivityId}";

    public bool IsScheduled => CronExpression is not null || Interval is not null || StartAt is not null;
}
