using Microsoft.Data.Sqlite;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Data.Tests.CrashDrill;

/// <summary>An instance row of the drill's database, as committed.</summary>
internal sealed record DrillRow(string Id, string? CorrelationId, WorkflowStatus Status, WorkflowSubStatus SubStatus, string? LeaseOwner, string? PendingStimulus, string State)
{
    public WorkflowInstance Instance => WorkflowInstanceSerializer.Deserialize(State);
}

/// <summary>
/// Reads the drill's database file directly, only while no drill process runs. Opening it after a SIGKILL is what a
/// restarted process does too: SQLite finds the killed writer's WAL and uses the commits in it (and only those).
/// </summary>
internal static class DrillDatabase
{
    public static async Task<IReadOnlyList<DrillRow>> ReadInstancesAsync(string file)
    {
        await using var connection = await OpenAsync(file);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "Id", "CorrelationId", "Status", "SubStatus", "LeaseOwner", "PendingStimulus", "State" FROM "WorkflowInstances"
            """;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<DrillRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new DrillRow(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), (WorkflowStatus)reader.GetInt32(2),
                (WorkflowSubStatus)reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6)));
        }

        return rows;
    }

    public static async Task<long> CountAsync(string file, string sql)
    {
        await using var connection = await OpenAsync(file);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<SqliteConnection> OpenAsync(string file)
    {
        // Pooling off: the test deletes the file afterwards.
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
