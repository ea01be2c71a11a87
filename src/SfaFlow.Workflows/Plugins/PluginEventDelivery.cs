using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SfaFlow.Plugins.Events;
using SfaFlow.Workflows.Runtime;

namespace SfaFlow.Workflows.Plugins;

/// <summary>
/// Delivers committed domain events to plugin listeners, in this process, off the dispatcher's path: each (event, listener)
/// pair is an independent delivery with its own deadline and retries (doubling delay, up to
/// <see cref="PluginOptions.ListenerMaxAttempts"/>), so a slow or failing listener holds up neither workflows nor other
/// listeners.
/// </summary>
/// <remarks>
/// Guarantee: at least once per event and listener while the process runs (a listener may see an event again when the
/// outbox redelivers it, hence <see cref="DomainEvent.Id"/>). Deliveries queued or waiting for a retry are lost if the
/// process stops: the outbox marks the message dispatched once it is queued here. A durable version would record one
/// delivery row per matching listener in the dispatcher's transaction and run them with the outbox's retry.
/// A delivery names its listener by plugin id and type name, never by <see cref="Type"/>, so that a queued delivery does
/// not keep an unloaded plugin alive; after a reload it goes to the new version's listener of the same name.
/// </remarks>
public sealed class PluginEventDelivery(PluginManager plugins, TimeProvider clock, ILogger<PluginEventDelivery> logger)
    : BackgroundService, ICommittedEventObserver
{
    private readonly Channel<DomainEvent> _events = Channel.CreateUnbounded<DomainEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public ValueTask OnCommittedAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return plugins.Loaded.Any(l => l.Listeners.Count > 0) ? _events.Writer.WriteAsync(domainEvent, cancellationToken) : ValueTask.CompletedTask;
    }

    /// <summary>Starts the deliveries of one event now (tests; the background loop does the same for queued events).</summary>
    /// <returns>A task that completes when every delivery has succeeded or been given up.</returns>
    public Task DeliverAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var deliveries = new List<Task>();
        foreach (var load in plugins.Loaded)
        {
            foreach (var listener in load.Listeners)
            {
                deliveries.Add(DeliverWithRetriesAsync(load.Id, listener.FullName ?? listener.Name, domainEvent, cancellationToken));
            }
        }

        return Task.WhenAll(deliveries);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var domainEvent in _events.Reader.ReadAllAsync(stoppingToken))
            {
                var task = DeliverAsync(domainEvent, stoppingToken);
                _running[task] = 0;
                _ = task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }

        await Task.WhenAll(_running.Keys).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task DeliverWithRetriesAsync(string pluginId, string listenerName, DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var options = plugins.Options;
        for (var attempt = 1; !cancellationToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await DeliverOnceAsync(pluginId, listenerName, domainEvent, options.ListenerTimeout, cancellationToken);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (exception is PluginLoadException || attempt >= options.ListenerMaxAttempts)
                {
                    logger.LogError(exception, "Gave up delivering {Event} {EventId} to {Plugin} {Listener} after {Attempts} attempt(s).",
                        domainEvent.Name, domainEvent.Id, pluginId, listenerName, attempt);
                    return;
                }

                var delay = TimeSpan.FromTicks(options.ListenerRetryDelay.Ticks * (1L << Math.Min(attempt - 1, 16)));
                logger.LogWarning(exception, "Delivering {Event} {EventId} to {Plugin} {Listener} failed (attempt {Attempt}); retrying in {Delay}.",
                    domainEvent.Name, domainEvent.Id, pluginId, listenerName, attempt, delay);
                await Task.Delay(delay, clock, cancellationToken);
            }
        }
    }

    private async Task DeliverOnceAsync(string pluginId, string listenerName, DomainEvent domainEvent, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var load = plugins.Find(pluginId);
        var type = load?.Listeners.FirstOrDefault(t => (t.FullName ?? t.Name) == listenerName)
            ?? throw new PluginLoadException(PluginFailure.LoadFailed, $"Plugin {pluginId} no longer has the listener {listenerName}.");
        await using var scope = load!.OpenScope(new PluginCaller(PluginCallerKind.Plugin, pluginId));
        var listener = (IDomainEventListener)ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);
        if (listener.EventNames.Count > 0 && !listener.EventNames.Contains(domainEvent.Name, StringComparer.Ordinal))
        {
            return;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var handling = Task.Run(() => listener.HandleAsync(domainEvent, deadline.Token).AsTask(), CancellationToken.None);
        try
        {
            await handling.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            _ = handling.ContinueWith(static t => t.Exception, TaskScheduler.Default);
            throw new TimeoutException($"{listenerName} did not handle {domainEvent.Name} within {timeout.TotalSeconds:0.###} s.");
        }
    }
}
