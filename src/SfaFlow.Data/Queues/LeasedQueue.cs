using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Sqlite;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Data.Queues;

/// <summary>
/// A table of work items that processes take with leases: the outbox's messages and the plugin listeners' deliveries. A
/// claim is one <c>UPDATE ... RETURNING</c>, so two processes on one database never hold the same item while a lease
/// runs; an item is done, failed (tried again at a later time, or given up) or handed back, and done items are pruned.
/// The SQL runs on SQLite and PostgreSQL alike; the claim repeats its conditions outside the subquery so that PostgreSQL
/// rechecks them on a row another claim took in the meantime.
/// </summary>
/// <remarks>
/// Every queue table has the columns <c>Id</c>, <c>Attempts</c> (attempts that ended), <c>Claims</c> (attempts that
/// began: more claims than attempts means a holder died mid-attempt), <c>LastError</c>, <c>NextAttemptAt</c>,
/// <c>GaveUpAt</c>, <c>ClaimedBy</c>, <c>ClaimedUntil</c> and the queue's own done column. Times are Unix milliseconds.
/// </remarks>
internal sealed class LeasedQueue(IDbContextFactory<SfaFlowDbContext> contexts, LeasedQueueTable table)
{
    private readonly string _pending = $"\"{table.DoneColumn}\" IS NULL AND \"GaveUpAt\" IS NULL";

    /// <summary>
    /// Claims up to <paramref name="max"/> items due at <paramref name="now"/> (pending, their next attempt reached, no
    /// lease running on them, and passing the table's own condition), in the table's order; the result is in that order.
    /// </summary>
    public async Task<IReadOnlyList<T>> ClaimAsync<T>(
        DateTimeOffset now, Lease lease, int max, string returning, Func<DbDataReader, T> read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(read);
        await using var db = await OpenAsync(cancellationToken);
        var claimable = $"m.\"{table.DoneColumn}\" IS NULL AND m.\"GaveUpAt\" IS NULL AND m.\"NextAttemptAt\" <= @now AND (m.\"ClaimedUntil\" IS NULL OR m.\"ClaimedUntil\" < @now)";
        await using var command = Sql.Command(db.Database.GetDbConnection(), null, $"""
            UPDATE "{table.Name}" SET "ClaimedBy" = @owner, "ClaimedUntil" = @until, "Claims" = "Claims" + 1
            WHERE "Id" IN (
                SELECT m."Id" FROM "{table.Name}" m
                WHERE {claimable}{(table.ClaimCondition is { } condition ? $" AND ({condition})" : "")}
                ORDER BY {table.Order} LIMIT @max)
              AND {_pending} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < @now)
            RETURNING {returning}
            """, ("@owner", lease.Owner), ("@until", Epoch.Ms(lease.Until)), ("@now", Epoch.Ms(now)), ("@max", max));
        var claimed = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(read(reader));
        }

        return claimed;
    }

    /// <summary>Marks an item done, whoever holds its claim now: what was done cannot be undone.</summary>
    public async Task MarkDoneAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(db.Database.GetDbConnection(), null, $"""
            UPDATE "{table.Name}"
            SET "{table.DoneColumn}" = @now, "Attempts" = "Attempts" + 1, "ClaimedBy" = NULL, "ClaimedUntil" = NULL
            WHERE "Id" = @id AND {_pending}
            """, cancellationToken, ("@id", id), ("@now", Epoch.Ms(now)));
    }

    /// <summary>Records a failed attempt and releases the claim: tried again at <paramref name="retryAt"/>, or (null) given up.</summary>
    public async Task MarkFailedAsync(long id, string error, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(db.Database.GetDbConnection(), null, $"""
            UPDATE "{table.Name}"
            SET "Attempts" = "Attempts" + 1, "LastError" = @error, "NextAttemptAt" = COALESCE(@retryAt, "NextAttemptAt"),
                "GaveUpAt" = CASE WHEN @retryAt IS NULL THEN @now ELSE NULL END, "ClaimedBy" = NULL, "ClaimedUntil" = NULL
            WHERE "Id" = @id AND {_pending}
            """, cancellationToken, ("@id", id), ("@error", error), ("@now", Epoch.Ms(now)), ("@retryAt", Epoch.Ms(retryAt)));
    }

    /// <summary>Gives back claims that were not worked on (a stop, a predecessor that failed), uncounted, for the next claim.</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<long> ids, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var db = await OpenAsync(cancellationToken);
        foreach (var id in ids)
        {
            await Sql.ExecuteAsync(db.Database.GetDbConnection(), null, $"""
                UPDATE "{table.Name}" SET "ClaimedBy" = NULL, "ClaimedUntil" = NULL, "Claims" = "Claims" - 1
                WHERE "Id" = @id AND "ClaimedBy" = @owner AND {_pending}
                """, cancellationToken, ("@id", id), ("@owner", owner));
        }
    }

    /// <summary>Deletes items done before <paramref name="before"/>; pending and given-up items are kept whatever their age.</summary>
    /// <returns>How many were deleted.</returns>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(db.Database.GetDbConnection(), null,
            $"DELETE FROM \"{table.Name}\" WHERE \"{table.DoneColumn}\" IS NOT NULL AND \"{table.DoneColumn}\" < @before",
            cancellationToken, ("@before", Epoch.Ms(before)));
    }

    private async Task<SfaFlowDbContext> OpenAsync(CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return db;
    }
}

/// <summary>
/// What distinguishes one queue table: its name, the column set when an item is done, the claim order, and a condition an
/// item must also meet to be claimed (over the alias <c>m</c>), such as the outbox's "no earlier event of the same record waits".
/// </summary>
internal sealed record LeasedQueueTable(string Name, string DoneColumn, string Order, string? ClaimCondition = null);
