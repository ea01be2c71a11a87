namespace SfaFlow.Workflows.Instances;

/// <summary>Elsa's instance status: running (executing or waiting) or finished (for good).</summary>
public enum WorkflowStatus
{
    Running,
    Finished,
}

/// <summary>Elsa's sub-status, the detail of <see cref="WorkflowStatus"/>.</summary>
public enum WorkflowSubStatus
{
    Pending,
    Executing,
    Suspended,
    Finished,
    Cancelled,
    Faulted,
}

/// <summary>The state of one activity execution.</summary>
public enum ActivityStatus
{
    Running,
    Completed,
    Canceled,
    Faulted,
}

/// <summary>
/// How a flowchart decides when an activity with several inbound connections runs (see docs/flowchart-semantics.md).
/// </summary>
public enum FlowchartMode
{
    /// <summary>Elsa 3.6's default: every activity is an implicit join with dead-path elimination.</summary>
    CounterBased,

    /// <summary>Tokens flow along connections; each activity's <c>customProperties.mergeMode</c> decides.</summary>
    TokenBased,
}
