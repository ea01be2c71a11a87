using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace SfaFlow.Benchmarks.Runtime;

/// <summary>
/// The ceiling: plain ADO.NET on one open connection, one tiny INSERT per transaction (autocommit), WAL, on a file in the
/// same folder as the runtime's database. No durable engine on this disk commits more often. This machine's disk is
/// shared, so its speed drifts: the harness times a ceiling round next to every runtime round and reports the ratios.
/// </summary>
internal sealed class RawCommitProbe : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;

    public RawCommitProbe(string databaseFile, string synchronous)
    {
        _connection = new SqliteConnection($"Data Source={databaseFile}");
        _connection.Open();
        Execute(_connection, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT NOT NULL);");
        _insert = _connection.CreateCommand();
        _insert.CommandText = "INSERT INTO t (v) VALUES ($v)";
        _insert.Parameters.AddWithValue("$v", "x");
        _insert.Prepare();
        for (var i = 0; i < 200; i++)
        {
            _insert.ExecuteNonQuery();
        }
    }

    public List<double> Rates { get; } = [];

    /// <summary>Commits as fast as possible for <paramref name="length"/>; returns (and keeps) the rate.</summary>
    public double Round(TimeSpan length)
    {
        var commits = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < length)
        {
            _insert.ExecuteNonQuery();
            commits++;
        }

        var rate = commits / clock.Elapsed.TotalSeconds;
        Rates.Add(rate);
        return rate;
    }

    /// <summary>The latency of single commits, for comparison with operations that make one or two.</summary>
    public Latency Latency(int commits)
    {
        var samples = new double[commits];
        for (var i = 0; i < commits; i++)
        {
            var started = Stopwatch.GetTimestamp();
            _insert.ExecuteNonQuery();
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return new Latency(samples);
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
    }
}
