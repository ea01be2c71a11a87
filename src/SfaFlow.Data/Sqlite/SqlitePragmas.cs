using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SfaFlow.Data.Sqlite;

/// <summary>
/// Sets every SQLite connection up on open: WAL (readers never block the writer), the configured <c>synchronous</c> level
/// and a busy timeout, so a writer waits for another writer's lock instead of failing at once (several processes may
/// share one file).
/// </summary>
internal sealed class SqlitePragmas(DataOptions options) : DbConnectionInterceptor
{
    private readonly string _setup = string.Create(CultureInfo.InvariantCulture,
        $"PRAGMA journal_mode=WAL; PRAGMA synchronous={Validate(options.Synchronous)}; PRAGMA busy_timeout={(int)options.BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys=ON;");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = _setup;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = _setup;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Validate(string synchronous) => synchronous.ToUpperInvariant() switch
    {
        "FULL" or "NORMAL" or "EXTRA" or "OFF" => synchronous.ToUpperInvariant(),
        _ => throw new ArgumentException($"SfaFlow:Data:Synchronous must be FULL, NORMAL, EXTRA or OFF, not '{synchronous}'."),
    };
}
