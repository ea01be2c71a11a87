using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SfaFlow.Data.Sqlite;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Data.Workflows;

/// <summary>
/// Instances, their bookmark index, trigger occurrences and event receipts, in hand-written SQL: every runtime operation is one short
/// transaction, and the claims that make timers and occurrences fire once are single statements.
/// </summary>
internal sealed partial class SqlWorkflowInstanceStore(
    IDbContextFactory<SfaFlowDbContext> contexts, TimeProvider clock, IOptions<RuntimeOptions> options) : IWorkflowInstanceStore
{
    private const string InstanceColumns = "\"State\", \"Version\", \"LeaseOwner\", \"LeaseUntil\", \"PendingStimulus\", \"RunAttempts\"";

    private readonly int _maxStateBytes = options.Value.MaxStateBytes;

    public async Task<StoredInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var command = Sql.Command(connection, null, $"SELECT {InstanceColumns} FROM \"WorkflowInstances\" WHERE \"Id\" = @id", ("@id", instanceId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadStored(reader) : null;
    }

    public async Task<bool> InsertAsync(
        WorkflowInstance instance, Lease? lease, TriggerOccurrence? occurrence, string? eventId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        await using var db = await OpenAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await Sql.BeginWriteAsync(connection, cancellationToken);
        var inserted = await Sql.ExecuteAsync(connection, transaction, """
            INSERT INTO "WorkflowInstances" ("Id", "DefinitionId", "DefinitionVersionId", "DefinitionVersion", "Name", "Status", "SubStatus",
                "CorrelationId", "IncidentCount", "CreatedAt", "UpdatedAt", "FinishedAt", "State", "Version", "LeaseOwner", "LeaseUntil", "RunAttempts")
            VALUES (@id, @definitionId, @versionId, @version, @name, @status, @subStatus, @correlationId, @incidents, @createdAt, @updatedAt,
                @finishedAt, @state, 1, @leaseOwner, @leaseUntil, @attempts)
            ON CONFLICT ("Id") DO NOTHING
            """, cancellationToken,
            [.. InstanceParameters(instance), ("@definitionId", instance.DefinitionId), ("@versionId", instance.DefinitionVersionId),
             ("@version", instance.DefinitionVersion), ("@createdAt", Epoch.Ms(instance.CreatedAt)),
             ("@leaseOwner", lease?.Owner), ("@leaseUntil", Epoch.Ms(lease?.Until)), ("@attempts", lease is null ? 0 : 1)]);
        if (inserted == 0)
        {
            return false;
        }

        await InsertBookmarksAsync(connection, transaction, instance, cancellationToken);
        if (occurrence is not null)
        {
            await Sql.ExecuteAsync(connection, transaction, """
                UPDATE "TriggerOccurrences" SET "StartedAt" = @now, "ClaimedBy" = NULL, "ClaimedUntil" = NULL
                WHERE "ScheduleKey" = @key AND "ScheduledAt" = @at
                """, cancellationToken, ("@now", Epoch.Ms(clock.GetUtcNow())), ("@key", occurrence.ScheduleKey), ("@at", Epoch.Ms(occurrence.ScheduledAt)));
        }

        if (eventId is not null)
        {
            await InsertReceiptAsync(connection, transaction, eventId, instance.Id, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<InstanceClaim> TryClaimAsync(string instanceId, Lease lease, RuntimeStimulus? stimulus, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await using var db = await OpenAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using (var claim = Sql.Command(connection, null, $"""
            UPDATE "WorkflowInstances"
            SET "LeaseOwner" = @owner, "LeaseUntil" = @until, "PendingStimulus" = COALESCE(@stimulus, "PendingStimulus"), "Version" = "Version" + 1,
                "RunAttempts" = "RunAttempts" + 1
            WHERE "Id" = @id AND ("LeaseOwner" IS NULL OR "LeaseUntil" < @now OR "LeaseOwner" = @owner)
            RETURNING {InstanceColumns}
            """, ("@id", instanceId), ("@owner", lease.Owner), ("@until", Epoch.Ms(lease.Until)), ("@now", Epoch.Ms(clock.GetUtcNow())),
            ("@stimulus", stimulus is null ? null : JsonSerializer.Serialize(stimulus, WorkflowInstanceSerializer.Options))))
        {
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                return new InstanceClaim(ClaimStatus.Claimed, ReadStored(reader));
            }
        }

        await using var exists = Sql.Command(connection, null, "SELECT 1 FROM \"WorkflowInstances\" WHERE \"Id\" = @id", ("@id", instanceId));
        return new InstanceClaim(await exists.ExecuteScalarAsync(cancellationToken) is null ? ClaimStatus.NotFound : ClaimStatus.Busy);
    }

    public async Task<bool> SaveAsync(WorkflowInstance instance, Lease lease, bool release, string? eventId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(lease);
        await using var db = await OpenAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await Sql.BeginWriteAsync(connection, cancellationToken);
        var updated = await Sql.ExecuteAsync(connection, transaction, """
            UPDATE "WorkflowInstances"
            SET "Name" = @name, "Status" = @status, "SubStatus" = @subStatus, "CorrelationId" = @correlationId, "IncidentCount" = @incidents,
                "UpdatedAt" = @updatedAt, "FinishedAt" = @finishedAt, "State" = @state, "Version" = "Version" + 1,
                "LeaseOwner" = CASE WHEN @release = 1 THEN NULL ELSE "LeaseOwner" END,
                "LeaseUntil" = CASE WHEN @release = 1 THEN NULL ELSE @until END,
                "PendingStimulus" = CASE WHEN @release = 1 THEN NULL ELSE "PendingStimulus" END,
                "RunAttempts" = CASE WHEN @release = 1 THEN 0 ELSE "RunAttempts" END
            WHERE "Id" = @id AND "LeaseOwner" = @owner
            """, cancellationToken,
            [.. InstanceParameters(instance), ("@owner", lease.Owner), ("@until", Epoch.Ms(lease.Until)), ("@release", release ? 1 : 0)]);
        if (updated == 0)
        {
            return false;
        }

        await Sql.ExecuteAsync(connection, transaction, "DELETE FROM \"WorkflowBookmarks\" WHERE \"InstanceId\" = @id", cancellationToken, ("@id", instance.Id));
        await InsertBookmarksAsync(connection, transaction, instance, cancellationToken);
        if (eventId is not null)
        {
            await InsertReceiptAsync(connection, transaction, eventId, instance.Id, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> RenewLeaseAsync(string instanceId, Lease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await using var db = await OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(db.Database.GetDbConnection(), null, """
            UPDATE "WorkflowInstances" SET "LeaseUntil" = @until WHERE "Id" = @id AND "LeaseOwner" = @owner
            """, cancellationToken, ("@id", instanceId), ("@owner", lease.Owner), ("@until", Epoch.Ms(lease.Until))) > 0;
    }

    public async Task ReleaseAsync(string instanceId, Lease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await using var db = await OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(db.Database.GetDbConnection(), null, """
            UPDATE "WorkflowInstances" SET "LeaseOwner" = NULL, "LeaseUntil" = NULL, "PendingStimulus" = NULL, "RunAttempts" = 0
            WHERE "Id" = @id AND "LeaseOwner" = @owner
            """, cancellationToken, ("@id", instanceId), ("@owner", lease.Owner));
    }

    public async Task<IReadOnlyList<string>> FindAbandonedAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        await using var command = Sql.Command(db.Database.GetDbConnection(), null,
            "SELECT \"Id\" FROM \"WorkflowInstances\" WHERE \"LeaseUntil\" IS NOT NULL AND \"LeaseUntil\" < @now ORDER BY \"LeaseUntil\" LIMIT @max",
            ("@now", Epoch.Ms(now)), ("@max", max));
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <exception cref="InstanceStateTooLargeException">The state is over <see cref="RuntimeOptions.MaxStateBytes"/>.</exception>
    private (string, object?)[] InstanceParameters(WorkflowInstance instance)
    {
        var state = WorkflowInstanceSerializer.Serialize(instance);

        // A UTF-16 character is at most three UTF-8 bytes: only a state near the cap needs counting exactly.
        if (state.Length * 3L > _maxStateBytes && Encoding.UTF8.GetByteCount(state) is var bytes && bytes > _maxStateBytes)
        {
            throw new InstanceStateTooLargeException(instance, bytes, _maxStateBytes);
        }

        return
        [
            ("@id", instance.Id), ("@name", instance.Name), ("@status", (int)instance.Status), ("@subStatus", (int)instance.SubStatus),
            ("@correlationId", instance.CorrelationId), ("@incidents", instance.Incidents.Count), ("@updatedAt", Epoch.Ms(instance.UpdatedAt)),
            ("@finishedAt", Epoch.Ms(instance.FinishedAt)), ("@state", state),
        ];
    }

    private static StoredInstance ReadStored(DbDataReader reader)
    {
        var owner = Sql.NullableString(reader, 2);
        var until = Sql.NullableLong(reader, 3);
        var stimulus = Sql.NullableString(reader, 4);
        return new StoredInstance(
            WorkflowInstanceSerializer.Deserialize(reader.GetString(0)),
            reader.GetInt64(1),
            owner is null || until is null ? null : new Lease(owner, Epoch.Time(until.Value)),
            stimulus is null ? null : JsonSerializer.Deserialize<RuntimeStimulus>(stimulus, WorkflowInstanceSerializer.Options),
            reader.GetInt32(5));
    }

    private async Task<SfaFlowDbContext> OpenAsync(CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return db;
    }
}
