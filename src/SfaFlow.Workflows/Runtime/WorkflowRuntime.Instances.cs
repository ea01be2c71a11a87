using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Workflows.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Resumes the activity waiting on a bookmark. Of two concurrent resumes of one bookmark exactly one runs; the other is
    /// answered <see cref="ResumeStatus.AlreadyConsumed"/> without running anything.
    /// </summary>
    public async Task<ResumeResult> ResumeAsync(string bookmarkId, object? payload = null, CancellationToken cancellationToken = default)
    {
        var bookmark = await instances.FindBookmarkAsync(bookmarkId, cancellationToken);
        return bookmark is null
            ? new ResumeResult(ResumeStatus.AlreadyConsumed)
            : await ResumeAsync(bookmark.InstanceId, [bookmarkId], new Stimulus(bookmark.Name, null, payload, EventDelivery.None), cancellationToken);
    }

    /// <summary>
    /// Resumes an instance's bookmarks (those it still has) in one run and commits. With its event id, skips an
    /// instance that received the event before and records the receipt with the resumed state.
    /// </summary>
    private async Task<ResumeResult> ResumeAsync(
        string instanceId, IReadOnlyList<string> bookmarkIds, Stimulus stimulus, CancellationToken cancellationToken)
    {
        var (payload, eventId) = (stimulus.Payload, stimulus.Delivery.EventId);
        var recorded = new RuntimeStimulus(RuntimeStimulus.Resume, bookmarkIds[0], payload)
        {
            EventId = eventId,
            BookmarkIds = bookmarkIds.Count > 1 ? bookmarkIds : null,
            Causation = stimulus.Delivery.Causation,
        };
        try
        {
            var instance = await WithLeaseAsync(instanceId, recorded, async (stored, burst) =>
            {
                // Checked under the lock and lease: an earlier resume may have consumed them since they were looked up, or
                // (a repeated event) received the event and waits on it again at a new bookmark.
                var present = bookmarkIds.Where(id => stored.Instance.Bookmarks.Any(b => b.Id == id)).ToList();
                if (stored.Instance.IsFinished || present.Count == 0 ||
                    (eventId is not null && await instances.HasReceivedAsync(eventId, instanceId, cancellationToken)))
                {
                    return null;
                }

                // An event's resume runs with its causes; a timer's keeps those of the run that set it.
                if (eventId is not null || stimulus.Delivery.Causation is not null)
                {
                    stored.Instance.CausedBy = stimulus.CausesOf(stored.Instance.DefinitionId, instanceId);
                }

                var definition = await DefinitionOfAsync(stored.Instance, cancellationToken);
                return await burst(CheckpointFor(inserted: true, eventId: eventId),
                    (hooks, token) => engine.ResumeAsync(definition, stored.Instance, present, payload, hooks, token));
            }, cancellationToken);
            return instance is null ? new ResumeResult(ResumeStatus.AlreadyConsumed) : new ResumeResult(ResumeStatus.Resumed, instance);
        }
        catch (InstanceNotFoundException)
        {
            return new ResumeResult(ResumeStatus.AlreadyConsumed);
        }
        catch (InstanceBusyException)
        {
            return new ResumeResult(ResumeStatus.Busy);
        }
    }

    /// <summary>
    /// Cancels an instance: what runs stops, its bookmarks go, it ends Cancelled. A burst running the instance in this
    /// process right now (a loop, a slow activity) is stopped at its next activity rather than waited for.
    /// </summary>
    /// <exception cref="InstanceNotFoundException">There is no such instance.</exception>
    /// <exception cref="InvalidOperationException">The instance has finished.</exception>
    public async Task<WorkflowInstance> CancelAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var stopped = _running.RequestCancel(instanceId);
        var cancelled = await WithLeaseAsync(instanceId, new RuntimeStimulus(RuntimeStimulus.Cancel), async (stored, _) =>
            stored.Instance.IsFinished ? null : await engine.CancelAsync(await DefinitionOfAsync(stored.Instance, cancellationToken), stored.Instance, cancellationToken),
            cancellationToken);
        if (cancelled is not null)
        {
            return cancelled;
        }

        // The burst this cancel stopped committed the instance as Cancelled before the lock came free.
        var now = (await instances.FindAsync(instanceId, cancellationToken))?.Instance ?? throw new InstanceNotFoundException(instanceId);
        return stopped && now.SubStatus == WorkflowSubStatus.Cancelled
            ? now
            : throw new InvalidOperationException($"Instance '{instanceId}' has finished ({now.SubStatus}) and cannot be cancelled.");
    }

    /// <summary>
    /// Runs the faulted activities of an instance again (new attempts), then the work their fault interrupted (or that a
    /// burst stopped for its budget left).
    /// </summary>
    /// <exception cref="InstanceNotFoundException">There is no such instance.</exception>
    /// <exception cref="InvalidOperationException">Nothing in the instance can be retried, or it is parked.</exception>
    public async Task<WorkflowInstance> RetryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await WithLeaseAsync(instanceId, new RuntimeStimulus(RuntimeStimulus.Retry), async (stored, burst) =>
        {
            var definition = await DefinitionOfAsync(stored.Instance, cancellationToken);
            return await burst(CheckpointFor(inserted: true), (hooks, token) => engine.RetryAsync(definition, stored.Instance, hooks, token));
        }, cancellationToken) ?? throw new InvalidOperationException($"Instance '{instanceId}' could not be retried.");

    /// <summary>
    /// Runs <paramref name="work"/> on an instance under this process's lock and the instance's lease, then commits what it
    /// returns (or, for null, changes nothing) and gives the lease back. The work runs its burst through the function it
    /// is handed, which registers the burst for cancels and catches a checkpoint refused for the state's size.
    /// </summary>
    private async Task<WorkflowInstance?> WithLeaseAsync(
        string instanceId, RuntimeStimulus? stimulus, Func<StoredInstance, Burst, Task<WorkflowInstance?>> work, CancellationToken cancellationToken)
    {
        using var _ = await _locks.AcquireAsync(instanceId, cancellationToken);
        return await UnderLeaseAsync(instanceId, stimulus, work, cancellationToken);
    }

    /// <summary>One burst of the instance being worked on, given its checkpoint and the engine call.</summary>
    private delegate Task<WorkflowInstance> Burst(RunCheckpoint checkpoint, Func<RunHooks, CancellationToken, Task<WorkflowInstance>> run);

    /// <summary>
    /// The part of <see cref="WithLeaseAsync"/> after the lock: the caller holds the instance's lock. An instance taken up
    /// more than <see cref="RuntimeOptions.MaxRunAttempts"/> times without a run ever ending (the host stopped under it
    /// each time) is parked instead of being run again.
    /// </summary>
    private async Task<WorkflowInstance?> UnderLeaseAsync(
        string instanceId, RuntimeStimulus? stimulus, Func<StoredInstance, Burst, Task<WorkflowInstance?>> work, CancellationToken cancellationToken)
    {
        var (stored, lease) = await ClaimAsync(instanceId, stimulus, cancellationToken);
        WorkflowInstance? result;
        try
        {
            await using (RenewLease(instanceId))
            {
                result = stored.RunAttempts > _options.MaxRunAttempts && !stored.Instance.IsFinished
                    ? Park(stored)
                    : await work(stored, (checkpoint, run) => BurstAsync(instanceId, checkpoint, everyActivity: false, run, cancellationToken));
            }
        }
        catch
        {
            await instances.ReleaseAsync(instanceId, lease, CancellationToken.None);
            throw;
        }

        if (result is null)
        {
            await instances.ReleaseAsync(instanceId, lease, cancellationToken);
            return null;
        }

        // The receipt of the event being delivered: the claim recorded this call's stimulus, or kept the one of the dead
        // runtime that recovery stands in for.
        var eventId = stored.PendingStimulus?.EventId;
        if (!await CommitFittingAsync(result, () => instances.SaveAsync(result, lease, release: true, eventId, cancellationToken)))
        {
            logger.LogWarning("Lost the lease on instance {InstanceId} while running it; another runtime recovered it.", instanceId);
            throw new InstanceBusyException(instanceId);
        }

        return result;
    }

    /// <summary>
    /// In place of a resume a runaway guard refused: the waiting instance gets an incident saying why (and the event's
    /// receipt), and goes on waiting.
    /// </summary>
    private async Task<ResumeResult> NoteRefusalAsync(string instanceId, Stimulus stimulus, string message, CancellationToken cancellationToken)
    {
        try
        {
            var noted = await WithLeaseAsync(instanceId, new RuntimeStimulus(RuntimeStimulus.Note) { EventId = stimulus.Delivery.EventId }, async (stored, _) =>
            {
                if (stored.Instance.IsFinished || (stimulus.Delivery.EventId is { } eventId && await instances.HasReceivedAsync(eventId, instanceId, cancellationToken)))
                {
                    return null;
                }

                stored.Instance.Incidents.Add(new Incident
                {
                    Id = Guid.NewGuid().ToString("N"),
                    ActivityId = stored.Instance.DefinitionId,
                    ActivityNodeId = stored.Instance.DefinitionId,
                    ActivityType = "Workflow",
                    Kind = IncidentKinds.CausationDepth,
                    Message = message,
                    Timestamp = clock.GetUtcNow(),
                });
                logger.LogWarning("Did not resume {InstanceId} for {Event}: {Reason}", instanceId, stimulus.Name, message);
                return stored.Instance;
            }, cancellationToken);
            return noted is null ? new ResumeResult(ResumeStatus.AlreadyConsumed) : new ResumeResult(ResumeStatus.Resumed, noted);
        }
        catch (InstanceNotFoundException)
        {
            return new ResumeResult(ResumeStatus.AlreadyConsumed);
        }
        catch (InstanceBusyException)
        {
            return new ResumeResult(ResumeStatus.Busy);
        }
    }

    /// <summary>Ends an instance that keeps taking its host down as Faulted, with an incident saying so.</summary>
    private WorkflowInstance Park(StoredInstance stored)
    {
        var instance = stored.Instance;
        var doing = stored.PendingStimulus?.Kind ?? "continuing after a checkpoint";
        logger.LogError("Parked instance {InstanceId} of {DefinitionId}: the host stopped {Attempts} times while running it.",
            instance.Id, instance.DefinitionId, stored.RunAttempts - 1);
        instance.Incidents.Add(new Incident
        {
            Id = Guid.NewGuid().ToString("N"),
            ActivityId = instance.DefinitionId,
            ActivityNodeId = instance.DefinitionId,
            ActivityType = "Workflow",
            Kind = IncidentKinds.Parked,
            Message = $"Parked: the host stopped {stored.RunAttempts - 1} times in a row while running this instance (last: {doing}); " +
                      $"it is not run again (the limit is {_options.MaxRunAttempts}, {RuntimeOptions.SectionName}:{nameof(RuntimeOptions.MaxRunAttempts)}). " +
                      "Look for what in its next step takes the host down.",
            Timestamp = clock.GetUtcNow(),
        });
        instance.PendingWork.Clear();
        instance.Bookmarks.Clear();
        instance.Status = WorkflowStatus.Finished;
        instance.SubStatus = WorkflowSubStatus.Faulted;
        instance.FinishedAt = clock.GetUtcNow();
        return instance;
    }

    /// <summary>Takes the lease, waiting (up to <see cref="RuntimeOptions.BusyWait"/>) while another runtime holds it.</summary>
    private async Task<(StoredInstance Stored, Lease Lease)> ClaimAsync(string instanceId, RuntimeStimulus? stimulus, CancellationToken cancellationToken)
    {
        // Real time, not the runtime's clock: waiting must end even when tests freeze the clock.
        var started = Stopwatch.GetTimestamp();
        var pause = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var lease = NewLease();
            var claim = await instances.TryClaimAsync(instanceId, lease, stimulus, cancellationToken);
            switch (claim.Status)
            {
                case ClaimStatus.Claimed:
                    return (claim.Stored!, lease);
                case ClaimStatus.NotFound:
                    throw new InstanceNotFoundException(instanceId);
                case ClaimStatus.Busy when Stopwatch.GetElapsedTime(started) < _options.BusyWait:
                    await Task.Delay(pause, cancellationToken);
                    pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 500));
                    break;
                default:
                    throw new InstanceBusyException(instanceId);
            }
        }
    }
}
