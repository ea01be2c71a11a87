using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Sqlite;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Data.Outbox;

/// <summary>A claimed outbox message, as the dispatcher hands it on.</summary>
internal sealed record OutboxEntry(long Id, string EventId, string Name, string? CorrelationId, string Payload, DateTimeOffset OccurredAt, int Attempts);

/// <summary>
/// The dispatcher's side of the outbox, in hand-written SQL like the instance store: a claim is one statement, so two
/// dispatchers on one database never claim the same message while a claim lasts.
/// </summary>
internal sealed class OutboxStore(IDbContextFactory<SfaFlowDbContext> contexts)
{
    private const string Pending = "\"DispatchedAt\" IS NULL AND \"GaveUpAt\" IS NULL";

    /// <summary>
    /// Claims up to <paramref name="max"/> due messages, oldest occurrence first (the result is in that order). A message
    /// waits while an earlier pending message about the same record (correlation id) cannot be claimed with it (claimed by
    /// another dispatcher, or waiting to be retried): a record's events reach its workflows in the order they happened, so
    /// a "qualified" is never dispatched before the "created" that starts the workflow waiting for it.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> ClaimAsync(DateTimeOffset now, Lease claim, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await using var db = await OpenAsync(cancellationToken);
        await using var command = Sql.Command(db.Database.GetDbConnection(), null, $"""
            UPDATE "OutboxMessages" SET "ClaimedBy" = @owner, "ClaimedUntil" = @until
            WHERE "Id" IN (
                SELECT m."Id" FROM "OutboxMessages" m
                WHERE m."DispatchedAt" IS NULL AND m."GaveUpAt" IS NULL AND m."NextAttemptAt" <= @now
                  AND (m."ClaimedUntil" IS NULL OR m."ClaimedUntil" < @now)
                  AND (m."CorrelationId" IS NULL OR NOT EXISTS (
                      SELECT 1 FROM "OutboxMessages" e
                      WHERE e."CorrelationId" = m."CorrelationId" AND e."DispatchedAt" IS NULL AND e."GaveUpAt" IS NULL
                        AND (e."OccurredAt" < m."OccurredAt" OR (e."OccurredAt" = m."OccurredAt" AND e."Id" < m."Id"))
                        AND (e."NextAttemptAt" > @now OR e."ClaimedUntil" >= @now)))
                ORDER BY m."OccurredAt", m."Id" LIMIT @max)
            RETURNING "Id", "EventId", "Name", "CorrelationId", "Payload", "OccurredAt", "Attempts"
            """, ("@owner", claim.Owner), ("@until", Epoch.Ms(claim.Until)), ("@now", Epoch.Ms(now)), ("@max", max));
        var entries = new List<OutboxEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new OutboxEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Sql.NullableString(reader, 3),
                reader.GetString(4), Epoch.Time(reader.GetInt64(5)), reader.GetInt32(6)));
        }

        // RETURNING follows no ORDER BY.
        return [.. entries.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)];
    }

    /// <summary>Marks a message dispatched, whoever holds its claim now: what dispatching it did cannot be undone.</summary>
    public async Task MarkDispatchedAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(db.Database.GetDbConnection(), null, $"""
            UPDATE "OutboxMessages"
            SET "DispatchedAt" = @now, "Attempts" = "Attempts" + 1, "ClaimedBy" = NULL, "ClaimedUntil" = NULL
            WHERE "Id" = @id AND {Pending}
            """, cancellationToken, ("@id", id), ("@now", Epoch.Ms(now)));
    }

    /// <summary>Records a failed attempt and releases the claim: tried again at <paramref name="retryAt"/>, or (null) given up.</summary>
    public async Task MarkFailedAsync(long id, string error, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(db.Database.GetDbConnection(), null, $"""
            UPDATE "OutboxMessages"
            SET "Attempts" = "Attempts" + 1, "LastError" = @error, "NextAttemptAt" = COALESCE(@retryAt, "NextAttemptAt"),
                "GaveUpAt" = CASE WHEN @retryAt IS NULL THEN @now ELSE NULL END, "ClaimedBy" = NULL, "ClaimedUntil" = NULL
            WHERE "Id" = @id AND {Pending}
            """, cancellationToken, ("@id", id), ("@error", error), ("@now", Epoch.Ms(now)), ("@retryAt", Epoch.Ms(retryAt)));
    }

    /// <summary>Gives back claims this dispatcher did not get to (it is stopping), so others need not wait for them to expire.</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<long> ids, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var db = await OpenAsync(cancellationToken);
        foreach (var id in ids)
        {
            await Sql.ExecuteAsync(db.Database.GetDbConnection(), null, """
                UPDATE "OutboxMessages" SET "ClaimedBy" = NULL, "ClaimedUntil" = NULL WHERE "Id" = @id AND "ClaimedBy" = @owner
                """, cancellationToken, ("@id", id), ("@owner", owner));
        }
    }

    /// <summary>Deletes messages dispatched before <paramref name="before"/>; those not dispatched are kept whatever their age.</summary>
    /// <returns>How many were deleted.</returns>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(db.Database.GetDbConnection(), null,
            "DELETE FROM \"OutboxMessages\" WHERE \"DispatchedAt\" IS NOT NULL AND \"DispatchedAt\" < @before",
            cancellationToken, ("@before", Epoch.Ms(before)));
    }

    private async Task<SfaFlowDbContext> OpenAsync(CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return db;
    }
}
