using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Queues;
using SfaFlow.Data.Sqlite;
using SfaFlow.Workflows.Causation;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Data.Outbox;

/// <summary>
/// A claimed outbox message, as the dispatcher hands it on, with the dispatches of it that ended before this one
/// (attempts) and those that began, this one included (claims).
/// </summary>
internal sealed record OutboxEntry(
    long Id, string EventId, string Name, string? CorrelationId, string Payload, DateTimeOffset OccurredAt, int Attempts, int Claims, CausationChain? Causation)
{
    /// <summary>Dispatches of the message that began and never ended: their dispatcher died.</summary>
    public int Abandoned => Claims - Attempts - 1;
}

/// <summary>
/// The dispatcher's side of the outbox: a <see cref="LeasedQueue"/> whose claim keeps each record's events in order.
/// </summary>
internal sealed class OutboxStore(IDbContextFactory<SfaFlowDbContext> contexts)
{
    /// <summary>
    /// Oldest occurrence first. A message waits while an earlier pending message about the same record (correlation id)
    /// cannot be claimed with it (claimed by another dispatcher, or waiting to be retried): a record's events reach its
    /// workflows in the order they happened, so a "qualified" is never dispatched before the "created" that starts the
    /// workflow waiting for it.
    /// </summary>
    private static readonly LeasedQueueTable Table = new("OutboxMessages", "DispatchedAt", "m.\"OccurredAt\", m.\"Id\"", """
        m."CorrelationId" IS NULL OR NOT EXISTS (
            SELECT 1 FROM "OutboxMessages" e
            WHERE e."CorrelationId" = m."CorrelationId" AND e."DispatchedAt" IS NULL AND e."GaveUpAt" IS NULL
              AND (e."OccurredAt" < m."OccurredAt" OR (e."OccurredAt" = m."OccurredAt" AND e."Id" < m."Id"))
              AND (e."NextAttemptAt" > @now OR e."ClaimedUntil" >= @now))
        """);

    private readonly LeasedQueue _queue = new(contexts, Table);

    /// <summary>Claims up to <paramref name="max"/> due messages, oldest occurrence first (the result is in that order).</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ClaimAsync(DateTimeOffset now, Lease claim, int max, CancellationToken cancellationToken = default)
    {
        var entries = await _queue.ClaimAsync(now, claim, max,
            "\"Id\", \"EventId\", \"Name\", \"CorrelationId\", \"Payload\", \"OccurredAt\", \"Attempts\", \"Claims\", \"Causation\"",
            reader => new OutboxEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Sql.NullableString(reader, 3),
                reader.GetString(4), Epoch.Time(reader.GetInt64(5)), reader.GetInt32(6), reader.GetInt32(7),
                Sql.NullableString(reader, 8) is { } chain ? JsonSerializer.Deserialize<CausationChain>(chain, WorkflowInstanceSerializer.Options) : null),
            cancellationToken);

        // RETURNING follows no ORDER BY.
        return [.. entries.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)];
    }

    /// <summary>Marks a message dispatched, whoever holds its claim now: what dispatching it did cannot be undone.</summary>
    public Task MarkDispatchedAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        _queue.MarkDoneAsync(id, now, cancellationToken);

    /// <summary>Records a failed attempt and releases the claim: tried again at <paramref name="retryAt"/>, or (null) given up.</summary>
    public Task MarkFailedAsync(long id, string error, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken cancellationToken = default) =>
        _queue.MarkFailedAsync(id, error, now, retryAt, cancellationToken);

    /// <summary>Gives back claims this dispatcher did not get to (it is stopping), so others need not wait for them to expire.</summary>
    public Task ReleaseAsync(IReadOnlyCollection<long> ids, string owner, CancellationToken cancellationToken = default) =>
        _queue.ReleaseAsync(ids, owner, cancellationToken);

    /// <summary>Deletes messages dispatched before <paramref name="before"/>; those not dispatched are kept whatever their age.</summary>
    /// <returns>How many were deleted.</returns>
    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        _queue.PruneAsync(before, cancellationToken);
}
