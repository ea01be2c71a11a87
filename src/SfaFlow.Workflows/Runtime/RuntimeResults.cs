using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Runtime;

/// <summary>How a resume ended.</summary>
public enum ResumeStatus
{
    Resumed,

    /// <summary>
    /// The bookmark was consumed by an earlier resume (or never existed), or the instance received the event before:
    /// nothing ran.
    /// </summary>
    AlreadyConsumed,

    /// <summary>Another runtime kept the instance busy longer than <see cref="RuntimeOptions.BusyWait"/>.</summary>
    Busy,
}

/// <summary>The outcome of a resume and the instance afterwards (null unless resumed).</summary>
public sealed record ResumeResult(ResumeStatus Status, WorkflowInstance? Instance = null);

/// <summary>What an event or other stimulus did: the instances it started and those it resumed.</summary>
public sealed record DispatchResult(IReadOnlyList<WorkflowInstance> Started, IReadOnlyList<WorkflowInstance> Resumed)
{
    /// <summary>
    /// Instances waiting on the stimulus that another runtime kept busy longer than <see cref="RuntimeOptions.BusyWait"/>:
    /// they were not resumed. Dispatching the event again (with its id) resumes them and repeats nothing else.
    /// </summary>
    public IReadOnlyList<string> Busy { get; init; } = [];

    /// <summary>
    /// Instances the stimulus did not run because a runaway guard stopped it (its causation chain too deep, its definition
    /// starting too often from one cause): refused starts, Faulted from the start, and waiting instances that got an
    /// incident instead of the resume. Each carries the incident that says why.
    /// </summary>
    public IReadOnlyList<WorkflowInstance> Refused { get; init; } = [];
}

/// <summary>The request to start an instance.</summary>
public sealed record StartRequest
{
    public IReadOnlyDictionary<string, object?>? Input { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>Run this version (a draft, say) instead of the published one.</summary>
    public string? VersionId { get; init; }

    public FlowchartMode? FlowchartMode { get; init; }
}

/// <summary>The instance was not found.</summary>
public sealed class InstanceNotFoundException(string instanceId)
    : Exception($"There is no workflow instance '{instanceId}'.")
{
    public string InstanceId { get; } = instanceId;
}

/// <summary>Another runtime kept the instance busy for longer than the runtime waits.</summary>
public sealed class InstanceBusyException(string instanceId)
    : Exception($"Workflow instance '{instanceId}' is being run by another runtime; try again shortly.")
{
    public string InstanceId { get; } = instanceId;
}

/// <summary>The definition exists but has no published version (and no version was named).</summary>
public sealed class DefinitionNotPublishedException(string definitionId)
    : KeyNotFoundException($"Workflow definition '{definitionId}' has no published version; publish it or name a version.")
{
    public string DefinitionId { get; } = definitionId;
}
