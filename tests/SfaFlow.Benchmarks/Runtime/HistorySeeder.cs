using Microsoft.Data.Sqlite;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Benchmarks.Runtime;

/// <summary>
/// Fills a database with history fast, in raw SQL: finished instances and suspended ones with their bookmark rows, each a
/// copy of a real instance's state JSON under a new id, spread over the past year. Big transactions and
/// <c>synchronous=OFF</c> while seeding only: this is setup, not measurement.
/// </summary>
internal static class HistorySeeder
{
    private const int Batch = 25_000;

    public static void Seed(string databaseFile, WorkflowInstance finished, WorkflowInstance suspended, int finishedCount, int suspendedCount)
    {
        ArgumentNullException.ThrowIfNull(finished);
        ArgumentNullException.ThrowIfNull(suspended);
        using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        connection.Open();
        RawCommitProbe.Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;");
        var rows = new InstanceRows(connection);
        var now = DateTimeOffset.UtcNow;
        for (var done = 0; done < finishedCount + suspendedCount; done += Batch)
        {
            using var transaction = connection.BeginTransaction();
            rows.Use(transaction);
            for (var i = done; i < Math.Min(done + Batch, finishedCount + suspendedCount); i++)
            {
                // Oldest first, as history grows; the suspended instances are the most recent ones.
                var at = now.AddMilliseconds(-(finishedCount + suspendedCount - i) * 30_000L);
                if (i < finishedCount)
                {
                    rows.Insert(finished, Guid.NewGuid().ToString("N"), at, correlationId: null);
                }
                else
                {
                    rows.Insert(suspended, Guid.NewGuid().ToString("N"), at, correlationId: $"lead-{i}");
                }
            }

            transaction.Commit();
        }

        // Write everything through to the disk before anything is measured: gigabytes of dirty pages flushed in the
        // background would slow the measured commits down.
        RawCommitProbe.Execute(connection, "PRAGMA synchronous=FULL; PRAGMA wal_checkpoint(TRUNCATE);");
        using var file = new FileStream(databaseFile, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        file.Flush(flushToDisk: true);
    }
}
