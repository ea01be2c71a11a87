using Microsoft.Extensions.Logging;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Workflows.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Continues instances whose runtime died while running them (their lease expired): from the last commit, it does
    /// again what that runtime was doing (the recorded resume, cancel or retry, or the work a per-activity checkpoint left).
    /// Also starts trigger occurrences a dead runtime had claimed but not started.
    /// </summary>
    /// <returns>How many instances and occurrences were recovered.</returns>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken = default)
    {
        var recovered = 0;
        foreach (var instanceId in await instances.FindAbandonedAsync(clock.GetUtcNow(), 100, cancellationToken))
        {
            // Held here means this process is running it right now (its lease lapsed in a long run): not abandoned.
            using var held = _locks.TryAcquire(instanceId);
            if (held is null)
            {
                continue;
            }

            try
            {
                if (await UnderLeaseAsync(instanceId, stimulus: null, (stored, burst) => ContinueAsync(stored, burst, cancellationToken), cancellationToken) is not null)
                {
                    recovered++;
                }
            }
            catch (Exception exception) when (exception is InstanceBusyException or InstanceNotFoundException)
            {
                // Another runtime got there first.
            }
        }

        foreach (var occurrence in await instances.FindAbandonedOccurrencesAsync(clock.GetUtcNow(), 100, cancellationToken))
        {
            recovered += await FireOccurrenceAsync(occurrence, cancellationToken) ? 1 : 0;
        }

        return recovered;
    }

    private async Task<WorkflowInstance?> ContinueAsync(StoredInstance stored, Burst burst, CancellationToken cancellationToken)
    {
        var instance = stored.Instance;
        if (instance.IsFinished && stored.PendingStimulus is not { Kind: RuntimeStimulus.Retry })
        {
            return null;
        }

        logger.LogInformation("Recovering instance {InstanceId} ({Stimulus}).", instance.Id, stored.PendingStimulus?.Kind ?? "checkpoint");
        var definition = await DefinitionOfAsync(instance, cancellationToken);
        var checkpoint = CheckpointFor(inserted: true, eventId: stored.PendingStimulus?.EventId);
        if (instance.PendingWork.Count > 0 && !instance.IsFinished)
        {
            return await burst(checkpoint, (hooks, token) => engine.ContinueAsync(definition, instance, hooks, token));
        }

        var bookmarks = await BookmarksToResumeAsync(stored, cancellationToken);
        return stored.PendingStimulus switch
        {
            { Kind: RuntimeStimulus.Resume } when bookmarks.Count > 0 =>
                await ResumeRecoveredAsync(definition, instance, bookmarks, stored.PendingStimulus, checkpoint, burst),
            { Kind: RuntimeStimulus.Cancel } when !instance.IsFinished => await engine.CancelAsync(definition, instance, cancellationToken),
            { Kind: RuntimeStimulus.Retry } when !instance.IsParked && (instance.Contexts.Any(c => c.Status == ActivityStatus.Faulted) || instance.PendingWork.Count > 0) =>
                await burst(checkpoint, (hooks, token) => engine.RetryAsync(definition, instance, hooks, token)),
            _ => null,
        };
    }

    /// <summary>A dead runtime's resume done again, with the causes of the event it was delivering.</summary>
    private Task<WorkflowInstance> ResumeRecoveredAsync(
        Workflows.Definitions.WorkflowDefinition definition, WorkflowInstance instance, IReadOnlyList<string> bookmarks, RuntimeStimulus resume, RunCheckpoint checkpoint, Burst burst)
    {
        if (resume.EventId is not null || resume.Causation is not null)
        {
            var name = instance.Bookmarks.FirstOrDefault(b => b.Id == bookmarks[0]) is { } bookmark ? bookmark.Key ?? bookmark.Name : "Resume";
            instance.CausedBy = Causation.CausationChain.Through(resume.Causation, new Causation.CausationLink(name, resume.EventId, instance.CorrelationId, instance.DefinitionId, instance.Id));
        }

        return burst(checkpoint, (hooks, token) => engine.ResumeAsync(definition, instance, bookmarks, resume.Payload, hooks, token));
    }

    /// <summary>The bookmarks a dead runtime was resuming that are still waiting, if the resume is to be done again.</summary>
    private async Task<IReadOnlyList<string>> BookmarksToResumeAsync(StoredInstance stored, CancellationToken cancellationToken)
    {
        if (stored.PendingStimulus is not { Kind: RuntimeStimulus.Resume } stimulus)
        {
            return [];
        }

        // A dead runtime that was delivering an event the instance had received already (a redelivery that died before it
        // could see so) named new waits on the event, which this delivery must not resume.
        if (stimulus.EventId is { } eventId && await instances.HasReceivedAsync(eventId, stored.Instance.Id, cancellationToken))
        {
            return [];
        }

        return [.. stimulus.ResumedBookmarkIds.Where(id => stored.Instance.Bookmarks.Any(b => b.Id == id))];
    }
}
