using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Sqlite;
using SfaFlow.Plugins.Events;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Plugins;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Data.Plugins;

/// <summary>
/// The durable <see cref="IPluginDeliveryStore"/>, in hand-written SQL like the outbox's (SQLite and PostgreSQL alike): a
/// record is an INSERT ... ON CONFLICT DO NOTHING on the (event, plugin, listener) key, a claim one UPDATE ... RETURNING.
/// </summary>
internal sealed class SqlPluginDeliveryStore(IDbContextFactory<SfaFlowDbContext> contexts, TimeProvider clock) : IPluginDeliveryStore
{
    private const string Pending = "\"DeliveredAt\" IS NULL AND \"GaveUpAt\" IS NULL";

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
        ArgumentNullException.ThrowIfNull(lease);
        await using var db = await OpenAsync(cancellationToken);
        // The conditions are repeated outside the subquery so that PostgreSQL rechecks them on a row another claim just took.
        await using var command = Sql.Command(db.Database.GetDbConnection(), null, $"""
            UPDATE "PluginDeliveries" SET "ClaimedBy" = @owner, "ClaimedUntil" = @until
            WHERE "Id" IN (
                SELECT d."Id" FROM "PluginDeliveries" d
                WHERE d."DeliveredAt" IS NULL AND d."GaveUpAt" IS NULL AND d."NextAttemptAt" <= @now
                  AND (d."ClaimedUntil" IS NULL OR d."ClaimedUntil" < @now)
                ORDER BY d."NextAttemptAt", d."Id" LIMIT @max)
              AND {Pending} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < @now)
            RETURNING "Id", "Event", "PluginId", "Listener", "Attempts", "NextAttemptAt"
            """, ("@owner", lease.Owner), ("@until", Epoch.Ms(lease.Until)), ("@now", Epoch.Ms(now)), ("@max", max));
        var claimed = new List<(long Due, PluginDelivery Delivery)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add((reader.GetInt64(5), new PluginDelivery(reader.GetInt64(0), StoredEvent.Deserialize(reader.GetString(1)),
                reader.GetString(2), reader.GetString(3), reader.GetInt32(4))));
        }

        // RETURNING follows no ORDER BY.
        return [.. claimed.OrderBy(c => c.Due).ThenBy(c => c.Delivery.Id).Select(c => c.Delivery)];
    }

    public async Task MarkDeliveredAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(db.Database.GetDbConnection(), null, $"""
            UPDATE "PluginDeliveries"
            SET "DeliveredAt" = @now, "Attempts" = "Attempts" + 1, "ClaimedBy" = NULL, "ClaimedUntil" = NULL
            WHERE "Id" = @id AND {Pending}
            """, cancellationToken, ("@id", id), ("@now", Epoch.Ms(now)));
    }

    public async Task MarkFailedAsync(long id, string lastError, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(db.Database.GetDbConnection(), null, $"""
            UPDATE "PluginDeliveries"
            SET "Attempts" = "Attempts" + 1, "LastError" = @error, "NextAttemptAt" = COALESCE(@retryAt, "NextAttemptAt"),
                "GaveUpAt" = CASE WHEN @retryAt IS NULL THEN @now ELSE NULL END, "ClaimedBy" = NULL, "ClaimedUntil" = NULL
            WHERE "Id" = @id AND {Pending}
            """, cancellationToken, ("@id", id), ("@error", lastError), ("@now", Epoch.Ms(now)), ("@retryAt", Epoch.Ms(retryAt)));
    }

    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(db.Database.GetDbConnection(), null,
            "DELETE FROM \"PluginDeliveries\" WHERE \"DeliveredAt\" IS NOT NULL AND \"DeliveredAt\" < @before",
            cancellationToken, ("@before", Epoch.Ms(before)));
    }

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
