using System.Text.Json;
using Microsoft.Extensions.Logging;
using SfaFlow.Plugins.Events;
using SfaFlow.Workflows.Plugins;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Data.Outbox;

/// <summary>What one pass did: messages claimed, and of those dispatched (the rest failed, or the pass was stopped).</summary>
internal readonly record struct DispatchPass(int Claimed, int Dispatched);

/// <summary>What one lane did.</summary>
internal readonly record struct LanePass(int Claimed, int Dispatched);

internal sealed partial class OutboxDispatcher
{
    /// <summary>
    /// One pass (tests, operators; the hosted loop does the same without waiting for slow lanes): claims a batch of due
    /// messages and dispatches them, a lane per record, and waits until every lane is done.
    /// </summary>
    public async Task<DispatchPass> DispatchPendingAsync(CancellationToken cancellationToken = default)
    {
        var lanes = await ClaimLanesAsync(cancellationToken);
        var passes = await Task.WhenAll(lanes.Select(lane => Task.Run(() => RunLaneAsync(lane, cancellationToken), CancellationToken.None)));

        // Stopped midway: the lanes handed back what they did not finish.
        cancellationToken.ThrowIfCancellationRequested();
        return new DispatchPass(passes.Sum(p => p.Claimed), passes.Sum(p => p.Dispatched));
    }

    /// <summary>
    /// Claims a batch and splits it into lanes: a record's messages in occurrence order in one lane, a message about no
    /// record in a lane of its own.
    /// </summary>
    private async Task<IReadOnlyList<IReadOnlyList<OutboxEntry>>> ClaimLanesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await store.ClaimAsync(now, new Lease(Owner, now + _options.ClaimDuration), _options.BatchSize, cancellationToken);
        return [.. claimed.GroupBy(message => message.CorrelationId ?? $"#{message.Id}", StringComparer.Ordinal).Select(lane => (IReadOnlyList<OutboxEntry>)[.. lane])];
    }

    /// <summary>
    /// Dispatches a lane's messages in order once a slot is free. When one fails, the lane's later messages are handed
    /// back untried: they wait for it (see <see cref="OutboxStore"/>'s claim order).
    /// </summary>
    private async Task<LanePass> RunLaneAsync(IReadOnlyList<OutboxEntry> lane, CancellationToken cancellationToken)
    {
        var done = 0;
        var dispatched = 0;
        try
        {
            await _lanes.WaitAsync(cancellationToken);
            try
            {
                foreach (var message in lane)
                {
                    var ok = await DispatchAsync(message, cancellationToken);
                    done++;
                    if (!ok)
                    {
                        break;
                    }

                    dispatched++;
                }
            }
            finally
            {
                _lanes.Release();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: what was not dispatched is handed back below.
        }
        finally
        {
            if (lane.Count > done)
            {
                await ReleaseAsync([.. lane.Skip(done).Select(m => m.Id)]);
            }
        }

        return new LanePass(lane.Count, dispatched);
    }

    private async Task<bool> DispatchAsync(OutboxEntry message, CancellationToken cancellationToken)
    {
        if (message.Abandoned >= _maxAbandoned)
        {
            await GiveUpAbandonedAsync(message, cancellationToken);
            return false;
        }

        try
        {
            using var payload = JsonDocument.Parse(message.Payload);
            if (message.Abandoned > 0)
            {
                logger.LogWarning("{Event} {EventId}: {Count} earlier dispatch(es) died with their host; dispatching it carefully (new instances commit after every activity).",
                    message.Name, message.EventId, message.Abandoned);
            }

            var delivery = new EventDelivery { EventId = message.EventId, Causation = message.Causation, Careful = message.Abandoned > 0 };
            var result = await runtime.DispatchEventAsync(message.Name, message.CorrelationId, payload.RootElement, delivery, cancellationToken);
            var busy = result.Busy.ToList();
            busy.AddRange(await DispatchRoutedAsync(message, payload.RootElement, delivery, cancellationToken));
            if (busy.Count > 0)
            {
                // Everything else the event did is committed and will not be repeated; the next attempt resumes these.
                throw new InvalidOperationException($"Instance(s) {string.Join(", ", busy)} stayed busy; they were not resumed.");
            }

            await NotifyObserversAsync(message, payload.RootElement, cancellationToken);
            await store.MarkDispatchedAsync(message.Id, clock.GetUtcNow(), cancellationToken);
            logger.LogDebug("Dispatched {Event} {EventId}: {Started} started, {Resumed} resumed, {Refused} refused.",
                message.Name, message.EventId, result.Started.Count, result.Resumed.Count, result.Refused.Count);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RecordFailureAsync(message, exception, cancellationToken);
            return false;
        }
    }

    /// <summary>
    /// The stimuli the routes derive from the message, each with its own event id (<c>{eventId}/{route}</c>, then
    /// <c>/1</c>, <c>/2</c>... for a route's further stimuli), so a redelivery resumes nothing twice.
    /// </summary>
    /// <returns>The instances that stayed busy.</returns>
    private async Task<List<string>> DispatchRoutedAsync(OutboxEntry message, JsonElement payload, EventDelivery delivery, CancellationToken cancellationToken)
    {
        var busy = new List<string>();
        foreach (var route in _routes)
        {
            var index = 0;
            foreach (var stimulus in route.Route(message.Name, message.CorrelationId, payload))
            {
                var eventId = index++ == 0 ? $"{message.EventId}/{route.Name}" : $"{message.EventId}/{route.Name}/{index - 1}";
                var result = await runtime.DispatchAsync(stimulus.BookmarkName, stimulus.Key, stimulus.CorrelationId, payload, delivery with { EventId = eventId }, cancellationToken);
                busy.AddRange(result.Busy);
            }
        }

        return busy;
    }

    private async Task NotifyObserversAsync(OutboxEntry message, JsonElement payload, CancellationToken cancellationToken)
    {
        if (_observers.Count == 0)
        {
            return;
        }

        var data = PlainValues.FromElement(payload) as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
        var domainEvent = new DomainEvent(message.EventId, message.Name, message.CorrelationId, data, message.OccurredAt);
        foreach (var observer in _observers)
        {
            await observer.OnCommittedAsync(domainEvent, cancellationToken);
        }
    }

    private async Task RecordFailureAsync(OutboxEntry message, Exception exception, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts + 1;
        var now = clock.GetUtcNow();
        var retryAt = _retries.Next(attempts, now);
        await store.MarkFailedAsync(message.Id, $"{exception.GetType().Name}: {exception.Message}", now, retryAt, cancellationToken);
        if (retryAt is null)
        {
            logger.LogError(exception, "Gave up dispatching {Event} {EventId} after {Attempts} attempts.", message.Name, message.EventId, attempts);
        }
        else
        {
            logger.LogWarning(exception, "Dispatching {Event} {EventId} failed (attempt {Attempts}); trying again at {RetryAt:O}.", message.Name, message.EventId, attempts, retryAt);
        }
    }

    /// <summary>
    /// Gives up a message whose dispatch took the host down again and again (each claim began a dispatch that never ended):
    /// dispatching it once more would only do so again. It stays in the table, marked, with the reason.
    /// </summary>
    private async Task GiveUpAbandonedAsync(OutboxEntry message, CancellationToken cancellationToken)
    {
        var reason = $"Parked: the host stopped {message.Abandoned} times while dispatching this event (the limit is {_maxAbandoned}, " +
                     $"{RuntimeOptions.SectionName}:{nameof(RuntimeOptions.MaxRunAttempts)}); it is not dispatched again.";
        await store.MarkFailedAsync(message.Id, reason, clock.GetUtcNow(), retryAt: null, cancellationToken);
        logger.LogError("Gave up dispatching {Event} {EventId}: {Reason}", message.Name, message.EventId, reason);
    }

    private async Task ReleaseAsync(List<long> ids)
    {
        try
        {
            await store.ReleaseAsync(ids, Owner, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Harmless: the claims expire after ClaimDuration and another pass takes the messages then.
            logger.LogWarning(exception, "Could not release {Count} outbox claim(s); they expire by themselves.", ids.Count);
        }
    }
}
