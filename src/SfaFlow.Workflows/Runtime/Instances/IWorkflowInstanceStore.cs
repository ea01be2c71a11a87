using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Runtime.Instances;

/// <summary>
/// Where instances, their bookmark index, trigger occurrences and event receipts are kept (implemented by SfaFlow.Data). Every method is
/// one transaction; the runtime never holds one open while a workflow runs.
/// </summary>
public interface IWorkflowInstanceStore
{
    Task<StoredInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default);

    Task<PagedResult<InstanceSummary>> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts a new instance with its bookmark index, holding <paramref name="lease"/> when given. With
    /// <paramref name="occurrence"/>, marks that trigger occurrence started in the same transaction; with
    /// <paramref name="eventId"/>, records that the instance received that event (it started it).
    /// </summary>
    /// <returns>False when an instance with that id exists already; nothing is written then.</returns>
    Task<bool> InsertAsync(WorkflowInstance instance, Lease? lease, TriggerOccurrence? occurrence, string? eventId = null, CancellationToken cancellationToken = default);

    /// <summary>Takes the instance's lease unless another runtime holds an unexpired one, recording what is about to happen.</summary>
    Task<InstanceClaim> TryClaimAsync(string instanceId, Lease lease, RuntimeStimulus? stimulus, CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits the instance's state and bookmark index, keeping or releasing the lease. With <paramref name="eventId"/>,
    /// records in the same transaction that the instance received that event (a no-op when it is recorded already).
    /// </summary>
    /// <returns>False when the lease was lost (it expired and another runtime took it); nothing is written then.</returns>
    Task<bool> SaveAsync(WorkflowInstance instance, Lease lease, bool release, string? eventId = null, CancellationToken cancellationToken = default);

    /// <summary>Whether a commit recorded that the instance received the event (it was started or resumed by it).</summary>
    Task<bool> HasReceivedAsync(string eventId, string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Moves the lease's expiry on, if <paramref name="lease"/>'s owner still holds it.</summary>
    /// <returns>False when it does not (or the instance has no row yet).</returns>
    Task<bool> RenewLeaseAsync(string instanceId, Lease lease, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease back without changing the instance.</summary>
    Task ReleaseAsync(string instanceId, Lease lease, CancellationToken cancellationToken = default);

    /// <summary>Instances whose lease expired: their runtime died while running them.</summary>
    Task<IReadOnlyList<string>> FindAbandonedAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    Task<BookmarkEntry?> FindBookmarkAsync(string bookmarkId, CancellationToken cancellationToken = default);

    /// <summary>Bookmarks by name and key; with a correlation id, only those of instances correlated to it.</summary>
    Task<IReadOnlyList<BookmarkEntry>> FindBookmarksAsync(string name, string? key, string? correlationId, CancellationToken cancellationToken = default);

    /// <summary>Claims up to <paramref name="max"/> due timer bookmarks for one runtime (exactly once across runtimes).</summary>
    Task<IReadOnlyList<BookmarkEntry>> ClaimDueBookmarksAsync(DateTimeOffset now, Lease claim, int max, CancellationToken cancellationToken = default);

    /// <summary>The earliest due time among unclaimed timer bookmarks, for the scheduler's sleep.</summary>
    Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken = default);

    /// <summary>Claims one occurrence of a scheduled trigger; false when another runtime has it (or it already ran).</summary>
    Task<bool> TryClaimOccurrenceAsync(TriggerOccurrence occurrence, Lease claim, CancellationToken cancellationToken = default);

    /// <summary>Marks an occurrence started when it started several instances (a fan-out), none of which carried it.</summary>
    Task MarkOccurrenceStartedAsync(TriggerOccurrence occurrence, CancellationToken cancellationToken = default);

    /// <summary>Occurrences claimed by a runtime that died before starting their instance.</summary>
    Task<IReadOnlyList<TriggerOccurrence>> FindAbandonedOccurrencesAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);
}

/// <summary>One firing of a scheduled trigger: which trigger (definition and activity), when, and the instance it starts.</summary>
public sealed record TriggerOccurrence(string ScheduleKey, DateTimeOffset ScheduledAt, string InstanceId);
