using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SfaFlow.Data;

/// <summary>Creates the database (and its folder) when missing and applies pending migrations.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<SfaFlowDbContext> contexts, IOptions<DataOptions> options, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var dataSource = new SqliteConnectionStringBuilder(options.Value.ConnectionString).DataSource;
        if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s) to {DataSource}: {Migrations}", pending.Count, dataSource, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
    }
}
