using System.Diagnostics;
using Microsoft.Extensions.Logging;
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
            : await ResumeAsync(bookmark.InstanceId, [bookmarkId], payload, eventId: null, cancellationToken);
    }

    /// <summary>
    /// Resumes an instance's bookmarks (those it still has) in one run and commits. With <paramref name="eventId"/>, skips an
    /// instance that received the event before and records the receipt with the resumed state.
    /// </summary>
    private async Task<ResumeResult> ResumeAsync(
        string instanceId, IReadOnlyList<string> bookmarkIds, object? payload, string? eventId, CancellationToken cancellationToken)
    {
        var stimulus = new RuntimeStimulus(RuntimeStimulus.Resume, bookmarkIds[0], payload)
        {
            EventId = eventId,
            BookmarkIds = bookmarkIds.Count > 1 ? bookmarkIds : null,
        };
        try
        {
            var instance = await WithLeaseAsync(instanceId, stimulus, async stored =>
            {
                // Checked under the lock and lease: an earlier resume may have consumed them since they were looked up, or
                // (a repeated event) received the event and waits on it again at a new bookmark.
                var present = bookmarkIds.Where(id => stored.Instance.Bookmarks.Any(b => b.Id == id)).ToList();
                if (stored.Instance.IsFinished || present.Count == 0 ||
                    (eventId is not null && await instances.HasReceivedAsync(eventId, instanceId, cancellationToken)))
                {
                    return null;
                }

                var definition = await DefinitionOfAsync(stored.Instance, cancellationToken);
                return await engine.ResumeAsync(definition, stored.Instance, present, payload, CheckpointFor(inserted: true, eventId: eventId)?.Commit, cancellationToken);
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

    /// <summary>Cancels an instance: what runs stops, its bookmarks go, it ends Cancelled.</summary>
    /// <exception cref="InstanceNotFoundException">There is no such instance.</exception>
    /// <exception cref="InvalidOperationException">The instance has finished.</exception>
    public async Task<WorkflowInstance> CancelAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await WithLeaseAsync(instanceId, new RuntimeStimulus(RuntimeStimulus.Cancel), async stored =>
            await engine.CancelAsync(await DefinitionOfAsync(stored.Instance, cancellationToken), stored.Instance, cancellationToken),
            cancellationToken) ?? throw new InvalidOperationException($"Instance '{instanceId}' could not be cancelled.");

    /// <summary>Runs the faulted activities of an instance again (new attempts), then the work their fault interrupted.</summary>
    /// <exception cref="InstanceNotFoundException">There is no such instance.</exception>
    /// <exception cref="InvalidOperationException">Nothing in the instance can be retried.</exception>
    public async Task<WorkflowInstance> RetryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await WithLeaseAsync(instanceId, new RuntimeStimulus(RuntimeStimulus.Retry), async stored =>
            await engine.RetryAsync(await DefinitionOfAsync(stored.Instance, cancellationToken), stored.Instance, cancellationToken),
            cancellationToken) ?? throw new InvalidOperationException($"Instance '{instanceId}' could not be retried.");

    /// <summary>
    /// Runs <paramref name="work"/> on an instance under this process's lock and the instance's lease, then commits what it
    /// returns (or, for null, changes nothing) and gives the lease back.
    /// </summary>
    private async Task<WorkflowInstance?> WithLeaseAsync(
        string instanceId, RuntimeStimulus? stimulus, Func<StoredInstance, Task<WorkflowInstance?>> work, CancellationToken cancellationToken)
    {
        using var _ = await _locks.AcquireAsync(instanceId, cancellationToken);
        return await UnderLeaseAsync(instanceId, stimulus, work, cancellationToken);
    }

    /// <summary>The part of <see cref="WithLeaseAsync"/> after the lock: the caller holds the instance's lock.</summary>
    private async Task<WorkflowInstance?> UnderLeaseAsync(
        string instanceId, RuntimeStimulus? stimulus, Func<StoredInstance, Task<WorkflowInstance?>> work, CancellationToken cancellationToken)
    {
        var (stored, lease) = await ClaimAsync(instanceId, stimulus, cancellationToken);
        WorkflowInstance? result;
        try
        {
            await using (RenewLease(instanceId))
            {
                result = await work(stored);
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
        if (!await instances.SaveAsync(result, lease, release: true, eventId, cancellationToken))
        {
            logger.LogWarning("Lost the lease on instance {InstanceId} while running it; another runtime recovered it.", instanceId);
            throw new InstanceBusyException(instanceId);
        }

        return result;
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
