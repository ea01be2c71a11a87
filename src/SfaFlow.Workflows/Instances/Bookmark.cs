namespace SfaFlow.Workflows.Instances;

/// <summary>Something an instance waits on: a timer, an event, a task. Resuming it continues the activity that made it.</summary>
public sealed record Bookmark
{
    public required string Id { get; init; }

    /// <summary>The bookmark type, usually the activity type key (<c>Elsa.Delay</c>, <c>Elsa.Event</c>).</summary>
    public required string Name { get; init; }

    /// <summary>What a stimulus must match: an event name, a task id; null for timers (resumed by id).</summary>
    public string? Key { get; init; }

    /// <summary>SHA-256 of the name and payload as Elsa computes it, for lookups by stimulus.</summary>
    public required string Hash { get; init; }

    public IReadOnlyDictionary<string, object?> Payload { get; init; } = new Dictionary<string, object?>();

    public required string ActivityId { get; init; }

    public required string ActivityNodeId { get; init; }

    public required string ActivityInstanceId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the scheduler resumes it (timers).</summary>
    public DateTimeOffset? DueAt { get; init; }

    public bool AutoBurn { get; init; } = true;
}
