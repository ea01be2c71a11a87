using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Sqlite;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Data.Workflows;

internal sealed partial class SqlWorkflowInstanceStore
{
    /// <summary>
    /// The occurrence's key is the table's primary key: the first runtime to insert it owns it. A claim whose holder died
    /// (expired, never started) can be taken over.
    /// </summary>
    public async Task<bool> TryClaimOccurrenceAsync(TriggerOccurrence occurrence, Lease claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        ArgumentNullException.ThrowIfNull(claim);
        await using var db = await OpenAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        (string, object?)[] parameters =
        [
            ("@key", occurrence.ScheduleKey), ("@at", Epoch.Ms(occurrence.ScheduledAt)), ("@instanceId", occurrence.InstanceId),
            ("@owner", claim.Owner), ("@until", Epoch.Ms(claim.Until)), ("@now", Epoch.Ms(clock.GetUtcNow())),
        ];
        if (await Sql.ExecuteAsync(connection, null, """
                INSERT INTO "TriggerOccurrences" ("ScheduleKey", "ScheduledAt", "InstanceId", "ClaimedBy", "ClaimedUntil")
                VALUES (@key, @at, @instanceId, @owner, @until)
                ON CONFLICT ("ScheduleKey", "ScheduledAt") DO NOTHING
                """, cancellationToken, parameters) == 1)
        {
            return true;
        }

        return await Sql.ExecuteAsync(connection, null, """
            UPDATE "TriggerOccurrences" SET "ClaimedBy" = @owner, "ClaimedUntil" = @until
            WHERE "ScheduleKey" = @key AND "ScheduledAt" = @at AND "StartedAt" IS NULL AND ("ClaimedUntil" < @now OR "ClaimedBy" = @owner)
            """, cancellationToken, parameters) == 1;
    }

    public async Task MarkOccurrenceStartedAsync(TriggerOccurrence occurrence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        await using var db = await OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(db.Database.GetDbConnection(), null, """
            UPDATE "TriggerOccurrences" SET "StartedAt" = @now, "ClaimedBy" = NULL, "ClaimedUntil" = NULL
            WHERE "ScheduleKey" = @key AND "ScheduledAt" = @at
            """, cancellationToken, ("@now", Epoch.Ms(clock.GetUtcNow())), ("@key", occurrence.ScheduleKey), ("@at", Epoch.Ms(occurrence.ScheduledAt)));
    }

    public async Task<IReadOnlyList<TriggerOccurrence>> FindAbandonedOccurrencesAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var command = Sql.Command(db.Database.GetDbConnection(), null, """
            SELECT "ScheduleKey", "ScheduledAt", "InstanceId" FROM "TriggerOccurrences"
            WHERE "StartedAt" IS NULL AND "ClaimedUntil" < @now ORDER BY "ScheduledAt" LIMIT @max
            """, ("@now", Epoch.Ms(now)), ("@max", max));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var occurrences = new List<TriggerOccurrence>();
        while (await reader.ReadAsync(cancellationToken))
        {
            occurrences.Add(new TriggerOccurrence(reader.GetString(0), Epoch.Time(reader.GetInt64(1)), reader.GetString(2)));
        }

        return occurrences;
    }
}
