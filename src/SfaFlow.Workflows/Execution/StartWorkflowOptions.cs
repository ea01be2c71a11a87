using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Execution;

/// <summary>How to start an instance.</summary>
public sealed record StartWorkflowOptions
{
    /// <summary>The new instance's id; generated when null.</summary>
    public string? InstanceId { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>The workflow input (case-insensitive names).</summary>
    public IReadOnlyDictionary<string, object?>? Input { get; init; }

    /// <summary>Overrides the definition's and the host's flowchart mode for this instance.</summary>
    public FlowchartMode? FlowchartMode { get; init; }

    /// <summary>The trigger activity that starts the instance (it completes at once instead of waiting).</summary>
    public string? TriggerActivityId { get; init; }

    /// <summary>What the trigger carried, for example an event payload.</summary>
    public object? TriggerPayload { get; init; }

    /// <summary>Why the instance starts (<see cref="WorkflowInstance.CausedBy"/>); the runtime sets it.</summary>
    public Causation.CausationChain? CausedBy { get; init; }
}
