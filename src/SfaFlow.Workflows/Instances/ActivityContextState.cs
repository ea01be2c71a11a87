namespace SfaFlow.Workflows.Instances;

/// <summary>
/// A live activity execution inside an instance: a flowchart in progress or an activity waiting on a bookmark. Completed
/// executions leave only their journal entry behind.
/// </summary>
public sealed class ActivityContextState
{
    /// <summary>The activity instance id; bookmarks and journal entries refer to it.</summary>
    public required string Id { get; init; }

    /// <summary>The activity's path in the definition (<c>root:flowNode1:body:writeLine1</c> style ids joined by ':').</summary>
    public required string NodeId { get; init; }

    public required string ActivityId { get; init; }

    public required string ActivityType { get; init; }

    /// <summary>The composite (flowchart or container) this execution runs in; null for the root flowchart.</summary>
    public string? ParentId { get; init; }

    public ActivityStatus Status { get; set; } = ActivityStatus.Running;

    /// <summary>Scheduled through a loop-back connection (it then does not count as a new visit in counter mode).</summary>
    public bool LoopRun { get; init; }

    /// <summary>1 for the first execution, incremented by each retry after an incident.</summary>
    public int Attempt { get; set; } = 1;

    public DateTimeOffset StartedAt { get; set; }

    public int FaultCount { get; set; }

    /// <summary>Variables declared by this scope (flowcharts), by variable id.</summary>
    public Dictionary<string, object?>? Variables { get; set; }

    /// <summary>Join bookkeeping when this is a flowchart.</summary>
    public FlowchartState? Flowchart { get; set; }

    /// <summary>The activity's own values kept across a suspension.</summary>
    public Dictionary<string, object?>? State { get; set; }
}
