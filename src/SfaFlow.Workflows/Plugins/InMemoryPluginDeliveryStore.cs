using SfaFlow.Plugins.Events;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Workflows.Plugins;

/// <summary>
/// The delivery store of hosts without a database (engine-only hosts and tests): the same rules as the database's, but
/// its deliveries last only as long as the process. The data layer replaces it with a durable one.
/// </summary>
public sealed class InMemoryPluginDeliveryStore : IPluginDeliveryStore
{
    private readonly Lock _lock = new();
    private readonly List<Entry> _entries = [];
    private long _lastId;

    public Task<int> RecordAsync(DomainEvent domainEvent, IReadOnlyCollection<PluginListenerRef> listeners, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(listeners);
        var added = 0;
        lock (_lock)
        {
            foreach (var listener in listeners)
            {
                if (!_entries.Exists(e => e.Event.Id == domainEvent.Id && e.PluginId == listener.PluginId && e.Listener == listener.Listener))
                {
                    _entries.Add(new Entry(++_lastId, domainEvent, listener.PluginId, listener.Listener));
                    added++;
                }
            }
        }

        return Task.FromResult(added);
    }

    public Task<IReadOnlyList<PluginDelivery>> ClaimAsync(DateTimeOffset now, Lease lease, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_lock)
        {
            var due = _entries
                .Where(e => e.DeliveredAt is null && e.GaveUpAt is null && e.NextAttemptAt <= now && (e.ClaimedUntil is null || e.ClaimedUntil < now))
                .OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id).Take(max).ToList();
            foreach (var entry in due)
            {
                entry.ClaimedUntil = lease.Until;
            }

            return Task.FromResult<IReadOnlyList<PluginDelivery>>([.. due.Select(e => new PluginDelivery(e.Id, e.Event, e.PluginId, e.Listener, e.Attempts))]);
        }
    }

    public Task MarkDeliveredAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (Pending(id) is { } entry)
            {
                (entry.DeliveredAt, entry.Attempts, entry.ClaimedUntil) = (now, entry.Attempts + 1, null);
            }
        }

        return Task.CompletedTask;
    }

    public Task MarkFailedAsync(long id, string lastError, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (Pending(id) is { } entry)
            {
                entry.Attempts++;
                entry.LastError = lastError;
                entry.NextAttemptAt = retryAt ?? entry.NextAttemptAt;
                entry.GaveUpAt = retryAt is null ? now : null;
                entry.ClaimedUntil = null;
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_entries.RemoveAll(e => e.DeliveredAt < before));
        }
    }

    public Task<IReadOnlyList<PluginDeliveryStatus>> FindAsync(string eventId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<PluginDeliveryStatus>>([.. _entries.Where(e => e.Event.Id == eventId)
                .Select(e => new PluginDeliveryStatus(e.Event.Id, e.PluginId, e.Listener, e.Attempts, e.LastError, e.NextAttemptAt, e.DeliveredAt, e.GaveUpAt))]);
        }
    }

    private Entry? Pending(long id) => _entries.Find(e => e.Id == id && e.DeliveredAt is null && e.GaveUpAt is null);

    private sealed class Entry(long id, DomainEvent domainEvent, string pluginId, string listener)
    {
        public long Id { get; } = id;

        public DomainEvent Event { get; } = domainEvent;

        public string PluginId { get; } = pluginId;

        public string Listener { get; } = listener;

        public int Attempts { get; set; }

        public string? LastError { get; set; }

        public DateTimeOffset NextAttemptAt { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset? DeliveredAt { get; set; }

        public DateTimeOffset? GaveUpAt { get; set; }

        public DateTimeOffset? ClaimedUntil { get; set; }
    }
}
