using System.Text.Json;
using Microsoft.Extensions.Logging;
using SfaFlow.Plugins.Events;
using SfaFlow.Workflows.Plugins;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Data.Outbox;

/// <summary>What one pass did: messages claimed, and of those dispatched (the rest failed, or the pass was stopped).</summary>
internal readonly record struct DispatchPass(int Claimed, int Dispatched);

internal sealed partial class OutboxDispatcher
{
    /// <summary>
    /// One pass: claims a batch of due messages and dispatches them in occurrence order. When a record's message fails, its
    /// later messages in the batch are handed back untried: they wait for it (see <see cref="OutboxStore.ClaimAsync"/>).
    /// </summary>
    public async Task<DispatchPass> DispatchPendingAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var claimed = await store.ClaimAsync(now, new Lease(Owner, now + _options.ClaimDuration), _options.BatchSize, cancellationToken);
        var handedBack = new List<long>();
        var failedRecords = new HashSet<string>(StringComparer.Ordinal);
        var done = 0;
        var dispatched = 0;
        try
        {
            foreach (var message in claimed)
            {
                if (message.CorrelationId is { } record && failedRecords.Contains(record))
                {
                    handedBack.Add(message.Id);
                }
                else if (await DispatchAsync(message, cancellationToken))
                {
                    dispatched++;
                }
                else if (message.CorrelationId is { } failed)
                {
                    failedRecords.Add(failed);
                }

                done++;
            }
        }
        finally
        {
            handedBack.AddRange(claimed.Skip(done).Select(m => m.Id));
            if (handedBack.Count > 0)
            {
                await ReleaseAsync(handedBack);
            }
        }

        return new DispatchPass(claimed.Count, dispatched);
    }

    private async Task<bool> DispatchAsync(OutboxEntry message, CancellationToken cancellationToken)
    {
        try
        {
            using var payload = JsonDocument.Parse(message.Payload);
            var result = await runtime.DispatchEventAsync(message.Name, message.CorrelationId, payload.RootElement, message.EventId, cancellationToken);
            var busy = result.Busy.ToList();
            busy.AddRange(await DispatchRoutedAsync(message, payload.RootElement, cancellationToken));
            if (busy.Count > 0)
            {
                // Everything else the event did is committed and will not be repeated; the next attempt resumes these.
                throw new InvalidOperationException($"Instance(s) {string.Join(", ", busy)} stayed busy; they were not resumed.");
            }

            await NotifyObserversAsync(message, payload.RootElement, cancellationToken);
            await store.MarkDispatchedAsync(message.Id, clock.GetUtcNow(), cancellationToken);
            logger.LogDebug("Dispatched {Event} {EventId}: {Started} started, {Resumed} resumed.", message.Name, message.EventId, result.Started.Count, result.Resumed.Count);
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
    private async Task<List<string>> DispatchRoutedAsync(OutboxEntry message, JsonElement payload, CancellationToken cancellationToken)
    {
        var busy = new List<string>();
        foreach (var route in _routes)
        {
            var index = 0;
            foreach (var stimulus in route.Route(message.Name, message.CorrelationId, payload))
            {
                var eventId = index++ == 0 ? $"{message.EventId}/{route.Name}" : $"{message.EventId}/{route.Name}/{index - 1}";
                var result = await runtime.DispatchAsync(stimulus.BookmarkName, stimulus.Key, stimulus.CorrelationId, payload, eventId, cancellationToken);
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
        DateTimeOffset? retryAt = attempts >= _options.MaxAttempts ? null : now + Backoff(attempts);
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

    /// <summary>The wait after the n-th failed attempt: doubling from the retry delay, capped.</summary>
    private TimeSpan Backoff(int attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        return TimeSpan.FromTicks((long)Math.Min(_options.RetryDelay.Ticks * factor, _options.MaxRetryDelay.Ticks));
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
