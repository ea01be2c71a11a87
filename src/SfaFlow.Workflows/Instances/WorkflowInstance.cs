namespace SfaFlow.Workflows.Instances;

/// <summary>
/// The whole state of one workflow instance: what it is waiting on, its data, and its history. It serializes to JSON
/// (<see cref="WorkflowInstanceSerializer"/>) and a deserialized copy resumes exactly like the original.
/// </summary>
public sealed class WorkflowInstance
{
    public required string Id { get; init; }

    public required string DefinitionId { get; init; }

    /// <summary>The definition version the instance is pinned to.</summary>
    public required string DefinitionVersionId { get; init; }

    public int DefinitionVersion { get; init; }

    public string? Name { get; set; }

    public WorkflowStatus Status { get; set; }

    public WorkflowSubStatus SubStatus { get; set; }

    public string? CorrelationId { get; set; }

    public FlowchartMode FlowchartMode { get; set; }

    /// <summary>What the instance was started with; keys compare case-insensitively, as in Elsa.</summary>
    public Dictionary<string, object?> Input { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Workflow outputs set by <c>Elsa.SetOutput</c>.</summary>
    public Dictionary<string, object?> Output { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Workflow-level variables by variable id (undeclared ones created by scripts by name).</summary>
    public Dictionary<string, object?> Variables { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Activity executions that have not completed: composites and activities waiting on bookmarks.</summary>
    public List<ActivityContextState> Contexts { get; init; } = [];

    public List<Bookmark> Bookmarks { get; init; } = [];

    public List<JournalEntry> Journal { get; init; } = [];

    public List<Incident> Incidents { get; init; } = [];

    /// <summary>Work a fault interrupted before it could run; a retry runs it.</summary>
    public List<PendingWork> PendingWork { get; init; } = [];

    /// <summary>The latest output values of each activity (by activity id), read by scripts.</summary>
    public Dictionary<string, Dictionary<string, object?>> ActivityOutputs { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The <c>result</c> output of the most recent activity that produced one (<c>getLastResult()</c>).</summary>
    public object? LastResult { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>
    /// The chain of causes of the instance's latest run: the event that started or resumed it and what caused that event.
    /// Events its activities raise carry it on, so that a workflow triggering itself is seen for what it is.
    /// </summary>
    public Causation.CausationChain? CausedBy { get; set; }

    /// <summary>The next journal sequence number.</summary>
    public long NextSequence { get; set; } = 1;

    public bool IsFinished => Status == WorkflowStatus.Finished;

    /// <summary>
    /// Whether the runtime parked the instance (<see cref="IncidentKinds.Parked"/>) or cut down its state
    /// (<see cref="IncidentKinds.StateLimit"/>): nothing runs it again, retry included.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsParked => Incidents.Exists(static i => i.Kind is IncidentKinds.Parked or IncidentKinds.StateLimit);
}
