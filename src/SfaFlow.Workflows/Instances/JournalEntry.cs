namespace SfaFlow.Workflows.Instances;

/// <summary>One activity execution in the instance's history, from start to completion (a wait included).</summary>
public sealed class JournalEntry
{
    /// <summary>Position in the instance's history, unique and increasing.</summary>
    public long Sequence { get; init; }

    public required string ActivityInstanceId { get; init; }

    public required string ActivityId { get; init; }

    public string? ActivityName { get; init; }

    public required string ActivityType { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; set; }

    public ActivityStatus Status { get; set; } = ActivityStatus.Running;

    /// <summary>The outcomes (ports) it completed with.</summary>
    public IReadOnlyList<string>? Outcomes { get; set; }

    public string? Error { get; set; }
}
