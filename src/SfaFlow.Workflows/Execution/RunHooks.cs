using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Execution;

/// <summary>How the durable runtime takes part in a burst: checkpoints while it runs, and a handle to stop it.</summary>
public sealed class RunHooks
{
    /// <summary>Commits the instance mid-burst (with the work still to do in <see cref="WorkflowInstance.PendingWork"/>).</summary>
    public Func<WorkflowInstance, CancellationToken, ValueTask>? Checkpoint { get; init; }

    /// <summary>
    /// When <see cref="Checkpoint"/> is called: after every activity (null, commit per activity), or only once this much
    /// time has passed since the burst began or since the last checkpoint, so that a long burst becomes visible (listed,
    /// cancellable) without costing a short one anything.
    /// </summary>
    public TimeSpan? CheckpointInterval { get; init; }

    /// <summary>Lets an operator's cancel reach the burst while it runs.</summary>
    public BurstControl? Control { get; init; }

    /// <summary>No checkpoints, no control: what a purely in-memory run gets.</summary>
    public static RunHooks None { get; } = new();

    /// <summary>A checkpoint after every activity (commit per activity), as the older overloads take it.</summary>
    public static RunHooks EveryActivity(Func<WorkflowInstance, CancellationToken, ValueTask>? checkpoint) =>
        checkpoint is null ? None : new RunHooks { Checkpoint = checkpoint };
}
