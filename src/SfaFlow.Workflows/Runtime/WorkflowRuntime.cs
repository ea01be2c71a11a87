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
    private readonly RunningBursts _running = new();
    private readonly StartLimiter _startLimiter = new(options.Value.MaxStartsPerCause, options.Value.StartLimitWindow);

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
    /// The checkpoints of one burst: the instance row is written (and stays leased) after each activity when committing
    /// per activity, else once the burst has run for <see cref="RuntimeOptions.LongBurstCheckpoint"/>, with the receipt of
    /// the event being delivered, if any.
    /// </summary>
    private RunCheckpoint CheckpointFor(bool inserted, TriggerOccurrence? occurrence = null, string? eventId = null) =>
        new(instances, NewLease, inserted, occurrence, eventId);

    /// <summary>
    /// Runs one burst of an instance with its checkpoints, registered so that a cancel reaches it while it runs. A
    /// checkpoint refused for the instance's size ends the burst; the instance is then handed back as it was, and the
    /// commit that follows cuts it down (<see cref="CommitFittingAsync{T}"/>). With <c>everyActivity</c> it commits after every
    /// activity whatever the commit strategy (a careful delivery).
    /// </summary>
    private async Task<WorkflowInstance> BurstAsync(string instanceId, RunCheckpoint checkpoint, bool everyActivity,
        Func<RunHooks, CancellationToken, Task<WorkflowInstance>> burst, CancellationToken cancellationToken)
    {
        var control = _running.Begin(instanceId);
        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, control.Token);
            var hooks = new RunHooks
            {
                Checkpoint = checkpoint.Commit,
                CheckpointInterval = CommitsPerActivity || everyActivity ? null : _options.LongBurstCheckpoint,
                Control = control,
            };
            return await burst(hooks, stop.Token);
        }
        catch (InstanceStateTooLargeException tooLarge)
        {
            return tooLarge.Instance;
        }
        finally
        {
            _running.End(instanceId, control);
        }
    }

    /// <summary>
    /// Writes an instance with <paramref name="commit"/>; when the store refuses it for its size, the instance is faulted
    /// and cut down (<see cref="StateLimit"/>) and written again.
    /// </summary>
    private async Task<T> CommitFittingAsync<T>(WorkflowInstance instance, Func<Task<T>> commit)
    {
        for (var pass = 0; ; pass++)
        {
            try
            {
                return await commit();
            }
            catch (InstanceStateTooLargeException tooLarge) when (pass < 2)
            {
                logger.LogWarning("Instance {InstanceId} of {DefinitionId} is {Bytes} bytes, over the state limit; it is faulted and its largest parts dropped.",
                    instance.Id, instance.DefinitionId, tooLarge.Bytes);
                StateLimit.Enforce(instance, tooLarge.Bytes, tooLarge.Limit, clock.GetUtcNow(), thorough: pass == 1);
            }
        }
    }

    private async Task<WorkflowDefinition> DefinitionOfAsync(WorkflowInstance instance, CancellationToken cancellationToken) =>
        await _cache.GetAsync(instance.DefinitionVersionId, cancellationToken);
}
