using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SfaFlow.Plugins.Events;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Workflows.Plugins;

/// <summary>
/// Delivers committed domain events to plugin listeners, off the dispatcher's path: each (event, listener) pair is an
/// independent delivery, recorded in the <see cref="IPluginDeliveryStore"/>, with its own deadline
/// (<see cref="PluginOptions.ListenerTimeout"/>) and retries (doubling from <see cref="PluginOptions.ListenerRetryDelay"/>,
/// up to <see cref="PluginOptions.ListenerMaxAttempts"/>), so a slow or failing listener holds up neither workflows nor
/// other listeners.
/// </summary>
/// <remarks>
/// Guarantee: at least once per event and listener, across restarts when the store is durable (the data layer's is).
/// <see cref="OnCommittedAsync"/> records one delivery per matching listener before the outbox marks the event dispatched,
/// so a crash in between redelivers the event, and the store's key (event id, plugin id, listener) adds nothing twice; a
/// crash during a delivery leaves it claimed until the claim expires, then it is delivered again. Listeners drop repeats by
/// <see cref="DomainEvent.Id"/>. A delivery names its listener by plugin id and type name, never by <see cref="Type"/>, so
/// that a waiting delivery does not keep an unloaded plugin alive; after a reload it goes to the new version's listener of
/// the same name, and while the plugin or listener is missing it waits (counted as a failed attempt) rather than being dropped.
/// </remarks>
public sealed class PluginEventDelivery(PluginManager plugins, IPluginDeliveryStore store, TimeProvider clock, ILogger<PluginEventDelivery> logger)
    : BackgroundService, ICommittedEventObserver
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private readonly ConditionalWeakTable<Type, string[]> _eventNames = [];

    /// <summary>This process's name on claims.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:listeners:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// Records a delivery of the event to each loaded listener that listens to it (the outbox dispatcher calls this before it
    /// marks the event dispatched; a failure here makes it dispatch the event again), then wakes the delivery loop.
    /// </summary>
    public async ValueTask OnCommittedAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var listeners = await MatchingListenersAsync(domainEvent);
        if (listeners.Count > 0 && await store.RecordAsync(domainEvent, listeners, cancellationToken) > 0)
        {
            _wake.Writer.TryWrite(true);
        }
    }

    /// <summary>
    /// One pass (tests, operators; the background loop does the same): claims the deliveries due now, up to
    /// <see cref="PluginOptions.ListenerBatchSize"/>, and delivers them.
    /// </summary>
    /// <returns>How many deliveries were claimed; each has been delivered, rescheduled or given up when the task completes.</returns>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var claimed = await ClaimAsync(plugins.Options.ListenerBatchSize, cancellationToken);
        await Task.WhenAll(claimed.Select(d => DeliverAsync(d, cancellationToken)));
        return claimed.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = plugins.Options;
        var batchSize = Math.Max(1, options.ListenerBatchSize);
        var poll = options.ListenerPollInterval > TimeSpan.Zero ? options.ListenerPollInterval : TimeSpan.FromSeconds(1);
        var prunedAt = DateTimeOffset.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (clock.GetUtcNow() - prunedAt >= PruneInterval)
                {
                    await PruneAsync(stoppingToken);
                    prunedAt = clock.GetUtcNow();
                }

                // Taken before the claim: an event recorded meanwhile wakes the loop again.
                _wake.Reader.TryRead(out _);
                var capacity = batchSize - _running.Count;
                var claimed = 0;
                if (capacity > 0)
                {
                    try
                    {
                        foreach (var delivery in await ClaimAsync(capacity, stoppingToken))
                        {
                            claimed++;
                            Start(delivery, stoppingToken);
                        }
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        // The loop outlives any one failure (a locked database); claims expire by themselves.
                        logger.LogError(exception, "Claiming plugin listener deliveries failed; trying again on the next pass.");
                    }
                }

                // A full batch means there may be more waiting: go on without sleeping.
                if (capacity <= 0 || claimed < capacity)
                {
                    await WaitAsync(poll, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: deliveries not finished keep their claims, which expire, and are delivered again.
        }

        await Task.WhenAll(_running.Values).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Deletes deliveries made longer ago than <see cref="PluginOptions.ListenerRetention"/>.</summary>
    /// <returns>How many were deleted.</returns>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.PruneAsync(clock.GetUtcNow() - plugins.Options.ListenerRetention, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Pruning plugin listener deliveries failed; trying again later.");
            return 0;
        }
    }

    private void Start(PluginDelivery delivery, CancellationToken stoppingToken)
    {
        var task = Task.Run(() => DeliverAsync(delivery, stoppingToken), CancellationToken.None);
        _running[delivery.Id] = task;
        _ = task.ContinueWith(_ => _running.TryRemove(delivery.Id, out var _), TaskScheduler.Default);
    }

    private async Task WaitAsync(TimeSpan poll, CancellationToken stoppingToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        await Task.WhenAny(Task.Delay(poll, clock, wake.Token), _wake.Reader.WaitToReadAsync(wake.Token).AsTask());
        await wake.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    private Task<IReadOnlyList<PluginDelivery>> ClaimAsync(int max, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.ClaimAsync(now, new Lease(Owner, now + plugins.Options.ListenerClaimDuration), max, cancellationToken);
    }

    private async Task<List<PluginListenerRef>> MatchingListenersAsync(DomainEvent domainEvent)
    {
        var matching = new List<PluginListenerRef>();
        foreach (var load in plugins.Loaded)
        {
            foreach (var type in load.Listeners)
            {
                if (await ListensToAsync(load, type, domainEvent.Name))
                {
                    matching.Add(new PluginListenerRef(load.Id, NameOf(type)));
                }
            }
        }

        return matching;
    }

    /// <summary>Whether the listener takes the event, by its <see cref="IDomainEventListener.EventNames"/> (read once per type).</summary>
    private async Task<bool> ListensToAsync(PluginLoad load, Type type, string eventName)
    {
        if (!_eventNames.TryGetValue(type, out var names))
        {
            try
            {
                await using var scope = load.OpenScope(new PluginCaller(PluginCallerKind.Plugin, load.Id));
                names = [.. ((IDomainEventListener)ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type)).EventNames];
                _eventNames.AddOrUpdate(type, names);
            }
            catch (Exception exception)
            {
                // Recorded all the same: the delivery fails the same way, and its retries and last error show it.
                logger.LogWarning(exception, "Could not create {Plugin} {Listener} to read its event names.", load.Id, NameOf(type));
                return true;
            }
        }

        return names.Length == 0 || names.Contains(eventName, StringComparer.Ordinal);
    }

    private async Task DeliverAsync(PluginDelivery delivery, CancellationToken cancellationToken)
    {
        var options = plugins.Options;
        var domainEvent = delivery.Event;
        try
        {
            try
            {
                await DeliverOnceAsync(delivery.PluginId, delivery.Listener, domainEvent, options.ListenerTimeout, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var attempts = delivery.Attempts + 1;
                var now = clock.GetUtcNow();
                var retryAt = new RetrySchedule(options.ListenerRetryDelay, options.ListenerMaxRetryDelay, options.ListenerMaxAttempts).Next(attempts, now);
                await store.MarkFailedAsync(delivery.Id, $"{exception.GetType().Name}: {exception.Message}", now, retryAt, CancellationToken.None);
                if (retryAt is null)
                {
                    logger.LogError(exception, "Gave up delivering {Event} {EventId} to {Plugin} {Listener} after {Attempts} attempt(s).",
                        domainEvent.Name, domainEvent.Id, delivery.PluginId, delivery.Listener, attempts);
                }
                else
                {
                    logger.LogWarning(exception, "Delivering {Event} {EventId} to {Plugin} {Listener} failed (attempt {Attempt}); trying again at {RetryAt:O}.",
                        domainEvent.Name, domainEvent.Id, delivery.PluginId, delivery.Listener, attempts, retryAt);
                }

                return;
            }

            await store.MarkDeliveredAsync(delivery.Id, clock.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The store failed: the claim expires and the delivery is made again (at least once).
            logger.LogError(exception, "Could not record the delivery of {Event} {EventId} to {Plugin} {Listener}; it will be made again.",
                domainEvent.Name, domainEvent.Id, delivery.PluginId, delivery.Listener);
        }
    }

    private static string NameOf(Type type) => type.FullName ?? type.Name;

    private async Task DeliverOnceAsync(string pluginId, string listenerName, DomainEvent domainEvent, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var load = plugins.Find(pluginId) ?? throw new PluginLoadException(PluginFailure.LoadFailed, $"Plugin {pluginId} is not loaded.");
        var type = load.Listeners.FirstOrDefault(t => NameOf(t) == listenerName)
            ?? throw new PluginLoadException(PluginFailure.LoadFailed, $"Plugin {pluginId} has no listener {listenerName}.");
        await using var scope = load.OpenScope(new PluginCaller(PluginCallerKind.Plugin, pluginId));
        var listener = (IDomainEventListener)ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);
        if (listener.EventNames.Count > 0 && !listener.EventNames.Contains(domainEvent.Name, StringComparer.Ordinal))
        {
            return;
        }

        await PluginDeadline.RunAsync(token => listener.HandleAsync(domainEvent, token).AsTask(), timeout,
            $"{listenerName} did not handle {domainEvent.Name} within {timeout.TotalSeconds:0.###} s.", abandon: null, cancellationToken);
    }
}
