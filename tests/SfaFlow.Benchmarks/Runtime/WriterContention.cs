using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Benchmarks.Runtime;

/// <summary>
/// Why two callers start fewer instances per second than one: writers on separate connections that meet SQLite's write
/// lock wait in its busy handler, which sleeps (1, 2, 5, 10 ms...) instead of waking when the lock is free. The same
/// writers taking turns through an in-process lock first overlap one's work with the other's commit. Each writer
/// commits the instance row the runtime commits (BEGIN IMMEDIATE, as the store does) and spins for the CPU time a start
/// spends outside its transaction.
/// </summary>
internal static class WriterContention
{
    private static readonly TimeSpan WorkOutsideTransaction = TimeSpan.FromMicroseconds(300);

    public static async Task<string> MeasureAsync(BenchFolder folder, string synchronous, WorkflowInstance row, TimeSpan length)
    {
        var lines = new List<string>();
        foreach (var (writers, gated) in new[] { (1, false), (2, false), (2, true) })
        {
            var file = folder.File($"contention-{synchronous}-{writers}-{gated}.db");
            await using (var host = new DurableHost(file, synchronous))
            {
                await host.InitializeAsync();
            }

            using var gate = new SemaphoreSlim(1, 1);
            var stop = Stopwatch.StartNew();
            var counts = await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
            {
                using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
                connection.Open();
                RawCommitProbe.Execute(connection, $"PRAGMA synchronous={synchronous}; PRAGMA busy_timeout=5000;");
                var rows = new InstanceRows(connection);
                var count = 0;
                while (stop.Elapsed < length)
                {
                    if (gated)
                    {
                        await gate.WaitAsync();
                    }

                    try
                    {
                        using var transaction = connection.BeginTransaction(deferred: false);
                        rows.Use(transaction);
                        rows.Insert(row, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, correlationId: null);
                        transaction.Commit();
                    }
                    finally
                    {
                        if (gated)
                        {
                            gate.Release();
                        }
                    }

                    var spin = Stopwatch.StartNew();
                    while (spin.Elapsed < WorkOutsideTransaction)
                    {
                        Thread.SpinWait(20);
                    }

                    count++;
                }

                return count;
            })));
            lines.Add($"| {synchronous} | {writers} | {(gated ? "in-process lock, then BEGIN IMMEDIATE" : "BEGIN IMMEDIATE, SQLite busy handler")} | {counts.Sum() / stop.Elapsed.TotalSeconds:N0} |");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
