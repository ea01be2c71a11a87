using SfaFlow.Plugins.Events;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Workflows.Plugins;

/// <summary>A plugin listener, named by its plugin's id and its type's full name (never by <see cref="Type"/>).</summary>
public sealed record PluginListenerRef(string PluginId, string Listener);

/// <summary>A claimed delivery of one event to one listener.</summary>
/// <param name="Id">The store's id for the delivery.</param>
/// <param name="Event">The event, as it was committed.</param>
/// <param name="PluginId">The listener's plugin.</param>
/// <param name="Listener">The listener's type name.</param>
/// <param name="Attempts">Attempts that ended before this one.</param>
public sealed record PluginDelivery(long Id, DomainEvent Event, string PluginId, string Listener, int Attempts);

/// <summary>Where a delivery stands, for operators and tests.</summary>
public sealed record PluginDeliveryStatus(
    string EventId, string PluginId, string Listener, int Attempts, string? LastError, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt, DateTimeOffset? GaveUpAt);

/// <summary>
/// The durable queue of deliveries to plugin listeners: one per event and listener, keyed (event id, plugin id, listener),
/// claimed with a lease so that two processes on one database never deliver the same one at the same time, retried at the
/// time a failure sets, and given up when the caller says so (its last error kept).
/// </summary>
public interface IPluginDeliveryStore
{
    /// <summary>
    /// Records one delivery of the event per listener, due at once. A delivery already recorded (the same event id, plugin
    /// and listener, as when the outbox redelivers the event) is left as it is.
    /// </summary>
    /// <returns>How many deliveries were added.</returns>
    Task<int> RecordAsync(DomainEvent domainEvent, IReadOnlyCollection<PluginListenerRef> listeners, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="max"/> deliveries that are due at <paramref name="now"/> (not delivered, not given up,
    /// their next attempt reached, and not claimed by a lease that still runs), earliest due first.
    /// </summary>
    Task<IReadOnlyList<PluginDelivery>> ClaimAsync(DateTimeOffset now, Lease lease, int max, CancellationToken cancellationToken = default);

    /// <summary>Marks a delivery done and releases its claim.</summary>
    Task MarkDeliveredAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a failed attempt (counted, its error kept) and releases the claim: tried again at <paramref name="retryAt"/>,
    /// or given up when it is null.
    /// </summary>
    Task MarkFailedAsync(long id, string lastError, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken cancellationToken = default);

    /// <summary>Deletes deliveries made before <paramref name="before"/>; those given up or pending are kept whatever their age.</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default);

    /// <summary>The deliveries of one event, in the order they were recorded.</summary>
    Task<IReadOnlyList<PluginDeliveryStatus>> FindAsync(string eventId, CancellationToken cancellationToken = default);
}
