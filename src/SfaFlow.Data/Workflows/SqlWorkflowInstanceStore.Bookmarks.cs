using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Sqlite;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Data.Workflows;

internal sealed partial class SqlWorkflowInstanceStore
{
    private const string BookmarkColumns = "\"Id\", \"InstanceId\", \"Name\", \"Key\", \"CorrelationId\", \"DueAt\"";

    public async Task<BookmarkEntry?> FindBookmarkAsync(string bookmarkId, CancellationToken cancellationToken = default)
    {
        var found = await QueryBookmarksAsync($"SELECT {BookmarkColumns} FROM \"WorkflowBookmarks\" WHERE \"Id\" = @id", cancellationToken, ("@id", bookmarkId));
        return found.Count > 0 ? found[0] : null;
    }

    public Task<IReadOnlyList<BookmarkEntry>> FindBookmarksAsync(string name, string? key, string? correlationId, CancellationToken cancellationToken = default) =>
        QueryBookmarksAsync($"""
            SELECT {BookmarkColumns} FROM "WorkflowBookmarks"
            WHERE "Name" = @name AND (@key IS NULL OR "Key" = @key) AND (@correlationId IS NULL OR "CorrelationId" = @correlationId)
            ORDER BY "CreatedAt"
            """, cancellationToken, ("@name", name), ("@key", key), ("@correlationId", correlationId));

    public Task<IReadOnlyList<BookmarkEntry>> ClaimDueBookmarksAsync(DateTimeOffset now, Lease claim, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return QueryBookmarksAsync($"""
            UPDATE "WorkflowBookmarks" SET "ClaimedBy" = @owner, "ClaimedUntil" = @until
            WHERE "Id" IN (
                SELECT "Id" FROM "WorkflowBookmarks"
                WHERE "DueAt" IS NOT NULL AND "DueAt" <= @now AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < @now)
                ORDER BY "DueAt" LIMIT @max)
            RETURNING {BookmarkColumns}
            """, cancellationToken, ("@owner", claim.Owner), ("@until", Epoch.Ms(claim.Until)), ("@now", Epoch.Ms(now)), ("@max", max));
    }

    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var command = Sql.Command(db.Database.GetDbConnection(), null,
            "SELECT MIN(\"DueAt\") FROM \"WorkflowBookmarks\" WHERE \"DueAt\" IS NOT NULL AND \"ClaimedBy\" IS NULL");
        return await command.ExecuteScalarAsync(cancellationToken) is long due ? Epoch.Time(due) : null;
    }

    private async Task<IReadOnlyList<BookmarkEntry>> QueryBookmarksAsync(string text, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var command = Sql.Command(db.Database.GetDbConnection(), null, text, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<BookmarkEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new BookmarkEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2), Sql.NullableString(reader, 3),
                Sql.NullableString(reader, 4), Epoch.Time(Sql.NullableLong(reader, 5))));
        }

        return entries;
    }

    private static async Task InsertBookmarksAsync(DbConnection connection, DbTransaction transaction, WorkflowInstance instance, CancellationToken cancellationToken)
    {
        foreach (var bookmark in instance.Bookmarks)
        {
            await Sql.ExecuteAsync(connection, transaction, """
                INSERT INTO "WorkflowBookmarks" ("Id", "InstanceId", "Name", "Key", "Hash", "CorrelationId", "DueAt", "CreatedAt")
                VALUES (@id, @instanceId, @name, @key, @hash, @correlationId, @dueAt, @createdAt)
                """, cancellationToken, ("@id", bookmark.Id), ("@instanceId", instance.Id), ("@name", bookmark.Name), ("@key", bookmark.Key),
                ("@hash", bookmark.Hash), ("@correlationId", instance.CorrelationId), ("@dueAt", Epoch.Ms(bookmark.DueAt)),
                ("@createdAt", Epoch.Ms(bookmark.CreatedAt)));
        }
    }
}
