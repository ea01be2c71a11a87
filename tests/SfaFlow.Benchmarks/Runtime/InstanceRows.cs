using Microsoft.Data.Sqlite;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Benchmarks.Runtime;

/// <summary>Prepared INSERTs of instance rows (and their bookmark rows) in the runtime's schema.</summary>
internal sealed class InstanceRows(SqliteConnection connection)
{
    private readonly SqliteCommand _instance = Prepare(connection, """
        INSERT INTO "WorkflowInstances" ("Id", "DefinitionId", "DefinitionVersionId", "DefinitionVersion", "Name", "Status", "SubStatus",
            "CorrelationId", "IncidentCount", "CreatedAt", "UpdatedAt", "FinishedAt", "State", "Version")
        VALUES ($id, $definitionId, $versionId, $version, NULL, $status, $subStatus, $correlationId, 0, $createdAt, $updatedAt, $finishedAt, $state, 1)
        """, "$id", "$definitionId", "$versionId", "$version", "$status", "$subStatus", "$correlationId", "$createdAt", "$updatedAt", "$finishedAt", "$state");

    private readonly SqliteCommand _bookmark = Prepare(connection, """
        INSERT INTO "WorkflowBookmarks" ("Id", "InstanceId", "Name", "Key", "Hash", "CorrelationId", "DueAt", "CreatedAt")
        VALUES ($id, $instanceId, $name, $key, $hash, $correlationId, NULL, $createdAt)
        """, "$id", "$instanceId", "$name", "$key", "$hash", "$correlationId", "$createdAt");

    private readonly Dictionary<WorkflowInstance, string> _states = new(ReferenceEqualityComparer.Instance);

    public void Use(SqliteTransaction transaction)
    {
        _instance.Transaction = transaction;
        _bookmark.Transaction = transaction;
    }

    /// <summary>A copy of <paramref name="template"/> (state JSON and bookmarks) under a new id, created at <paramref name="at"/>.</summary>
    public void Insert(WorkflowInstance template, string id, DateTimeOffset at, string? correlationId)
    {
        if (!_states.TryGetValue(template, out var state))
        {
            state = WorkflowInstanceSerializer.Serialize(template);
            _states[template] = state;
        }

        // The copy's ids: the instance's and its bookmarks', in the state JSON and in the bookmark index alike.
        var bookmarkIds = template.Bookmarks.Select(_ => Guid.NewGuid().ToString("N")).ToList();
        state = state.Replace(template.Id, id, StringComparison.Ordinal);
        for (var i = 0; i < bookmarkIds.Count; i++)
        {
            state = state.Replace(template.Bookmarks[i].Id, bookmarkIds[i], StringComparison.Ordinal);
        }

        var ms = at.ToUnixTimeMilliseconds();
        Set(_instance, id, template.DefinitionId, template.DefinitionVersionId, template.DefinitionVersion, (int)template.Status, (int)template.SubStatus,
            correlationId, ms, ms + 1_000, template.IsFinished ? ms + 1_000 : null, state);
        _instance.ExecuteNonQuery();
        for (var i = 0; i < bookmarkIds.Count; i++)
        {
            var bookmark = template.Bookmarks[i];
            Set(_bookmark, bookmarkIds[i], id, bookmark.Name, bookmark.Key, bookmark.Hash, correlationId, ms);
            _bookmark.ExecuteNonQuery();
        }
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
