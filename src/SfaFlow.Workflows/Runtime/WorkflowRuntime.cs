using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime.Definitions;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Workflows.Runtime;

/// <summary>
/// The durable runtime: runs the engine against stored definitions and instances. Nothing committed is lost or done
/// twice: an instance runs under a lease (one runtime at a time) and one lock (one thread at a time), its state is
/// committed when it suspends or finishes (or after every activity), a bookmark is consumed in the same commit as the
/// state that consumed it, and a runtime that dies mid-run leaves a lease that expires and an instance that recovery
/// continues from its last commit.
/// </summary>
public sealed partial class WorkflowRuntime(
    WorkflowEngine engine,
    IWorkflowDefinitionStore definitions,
    IWorkflowInstanceStore instances,
    IOptions<RuntimeOptions> options,
    TimeProvider clock,
    ILogger<WorkflowRuntime> logger)
{
    private readonly RuntimeOptions _options = options.Value;
    private readonly DefinitionCache _cache = new(definitions);
    private readonly InstanceLocks _locks = new();

    /// <summary>This process's name on leases and claims.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    public WorkflowEngine Engine => engine;

    public Task<StoredInstance?> FindInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        instances.FindAsync(instanceId, cancellationToken);

    /// <summary>This process's lease from now on; saves and renewals that keep the lease move its expiry to this.</summary>
    private Lease NewLease() => new(Owner, clock.GetUtcNow() + _options.LeaseDuration);

    /// <summary>Keeps the lease on an instance alive while this process runs it.</summary>
    private LeaseRenewal RenewLease(string instanceId) =>
        LeaseRenewal.Start(instances, instanceId, NewLease, _options.LeaseDuration, clock, logger);

    private bool CommitsPerActivity => _options.CommitStrategy == CommitStrategy.PerActivity;

    /// <summary>
    /// The checkpoint for commit-per-activity (null when committing on suspend): the instance row is written (and stays
    /// leased) after each activity, with the receipt of the event being delivered, if any.
    /// </summary>
    private RunCheckpoint? CheckpointFor(bool inserted, TriggerOccurrence? occurrence = null, string? eventId = null) =>
        CommitsPerActivity ? new RunCheckpoint(instances, NewLease, inserted, occurrence, eventId) : null;

    private async Task<WorkflowDefinition> DefinitionOfAsync(WorkflowInstance instance, CancellationToken cancellationToken) =>
        await _cache.GetAsync(instance.DefinitionVersionId, cancellationToken);
}
