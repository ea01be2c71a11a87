using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Sqlite;

namespace SfaFlow.Data.Workflows;

internal sealed partial class SqlWorkflowInstanceStore
{
    public async Task<bool> HasReceivedAsync(string eventId, string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var command = Sql.Command(db.Database.GetDbConnection(), null,
            "SELECT 1 FROM \"EventReceipts\" WHERE \"EventId\" = @eventId AND \"InstanceId\" = @instanceId",
            ("@eventId", eventId), ("@instanceId", instanceId));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>
    /// Records, in the caller's transaction, that the instance received the event. Idempotent: commit-per-activity records
    /// it with every checkpoint of the run. The runtime checks for it under the instance's lease before it runs anything,
    /// so a second delivery never gets this far; the key is the backstop.
    /// </summary>
    private async Task InsertReceiptAsync(DbConnection connection, DbTransaction transaction, string eventId, string instanceId, CancellationToken cancellationToken) =>
        await Sql.ExecuteAsync(connection, transaction, """
            INSERT INTO "EventReceipts" ("EventId", "InstanceId", "ReceivedAt") VALUES (@eventId, @instanceId, @now)
            ON CONFLICT ("EventId", "InstanceId") DO NOTHING
            """, cancellationToken, ("@eventId", eventId), ("@instanceId", instanceId), ("@now", Epoch.Ms(clock.GetUtcNow())));
}
