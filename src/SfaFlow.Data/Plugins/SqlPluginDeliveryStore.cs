using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Queues;
using SfaFlow.Data.Sqlite;
using SfaFlow.Plugins.Events;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Plugins;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Data.Plugins;

/// <summary>
/// The durable <see cref="IPluginDeliveryStore"/>: a record is an INSERT ... ON CONFLICT DO NOTHING on the (event, plugin,
/// listener) key; claiming, marking and pruning are the <see cref="LeasedQueue"/> the outbox uses too.
/// </summary>
internal sealed class SqlPluginDeliveryStore(IDbContextFactory<SfaFlowDbContext> contexts, TimeProvider clock) : IPluginDeliveryStore
{
    /// <summary>Earliest due first: a delivery's retries keep their place behind deliveries that were due before.</summary>
    private readonly LeasedQueue _queue = new(contexts, new LeasedQueueTable("PluginDeliveries", "DeliveredAt", "m.\"NextAttemptAt\", m.\"Id\""));

    public async Task<int> RecordAsync(DomainEvent domainEvent, IReadOnlyCollection<PluginListenerRef> listeners, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(listeners);
        if (listeners.Count == 0)
        {
            return 0;
        }

        var json = StoredEvent.Serialize(domainEvent);
        var now = Epoch.Ms(clock.GetUtcNow());
        await using var db = await OpenAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await Sql.BeginWriteAsync(connection, cancellationToken);
        var added = 0;
        foreach (var listener in listeners)
        {
            added += await Sql.ExecuteAsync(connection, transaction, """
                INSERT INTO "PluginDeliveries" ("EventId", "PluginId", "Listener", "Event", "RecordedAt", "Attempts", "NextAttemptAt")
                VALUES (@eventId, @pluginId, @listener, @event, @now, 0, 0)
                ON CONFLICT ("EventId", "PluginId", "Listener") DO NOTHING
                """, cancellationToken, ("@eventId", domainEvent.Id), ("@pluginId", listener.PluginId), ("@listener", listener.Listener), ("@event", json), ("@now", now));
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<IReadOnlyList<PluginDelivery>> ClaimAsync(DateTimeOffset now, Lease lease, int max, CancellationToken cancellationToken = default)
    {
        var claimed = await _queue.ClaimAsync(now, lease, max, "\"Id\", \"Event\", \"PluginId\", \"Listener\", \"Attempts\", \"NextAttemptAt\"",
            reader => (Due: reader.GetInt64(5), Delivery: new PluginDelivery(reader.GetInt64(0), StoredEvent.Deserialize(reader.GetString(1)),
                reader.GetString(2), reader.GetString(3), reader.GetInt32(4))), cancellationToken);

        // RETURNING follows no ORDER BY.
        return [.. claimed.OrderBy(c => c.Due).ThenBy(c => c.Delivery.Id).Select(c => c.Delivery)];
    }

    public Task MarkDeliveredAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        _queue.MarkDoneAsync(id, now, cancellationToken);

    public Task MarkFailedAsync(long id, string lastError, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken cancellationToken = default) =>
        _queue.MarkFailedAsync(id, lastError, now, retryAt, cancellationToken);

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        _queue.PruneAsync(before, cancellationToken);

    public async Task<IReadOnlyList<PluginDeliveryStatus>> FindAsync(string eventId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.PluginDeliveries.AsNoTracking().Where(d => d.EventId == eventId).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(d => new PluginDeliveryStatus(d.EventId, d.PluginId, d.Listener, d.Attempts, d.LastError,
            Epoch.Time(d.NextAttemptAt), Epoch.Time(d.DeliveredAt), Epoch.Time(d.GaveUpAt)))];
    }

    private async Task<SfaFlowDbContext> OpenAsync(CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return db;
    }

    /// <summary>The event's JSON in the <c>Event</c> column.</summary>
    private sealed record StoredEvent(string Id, string Name, string? CorrelationId, JsonElement Payload, DateTimeOffset OccurredAt)
    {
        public static string Serialize(DomainEvent e) =>
            JsonSerializer.Serialize(new StoredEvent(e.Id, e.Name, e.CorrelationId, JsonSerializer.SerializeToElement(e.Payload, WorkflowInstanceSerializer.Options), e.OccurredAt),
                WorkflowInstanceSerializer.Options);

        public static DomainEvent Deserialize(string json)
        {
            var stored = JsonSerializer.Deserialize<StoredEvent>(json, WorkflowInstanceSerializer.Options) ?? throw new JsonException("The JSON holds no event.");
            var payload = PlainValues.FromElement(stored.Payload) as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
            return new DomainEvent(stored.Id, stored.Name, stored.CorrelationId, payload, stored.OccurredAt);
        }
    }
}
