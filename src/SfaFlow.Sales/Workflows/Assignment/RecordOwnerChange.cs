using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Auditing;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Workflows.Assignment;

/// <summary>
/// Gives a lead, account, contact or opportunity to a new owner in an open unit of work, with the owner rule every door
/// applies (an active user the principal may give records to); the save audits it to the principal.
/// </summary>
public static class RecordOwnerChange
{
    /// <returns>The previous owner.</returns>
    /// <exception cref="RecordNotFoundException">No such record in the principal's scope.</exception>
    /// <exception cref="RuleViolationException">The new owner is inactive or out of the principal's scope.</exception>
    public static Task<long> ChangeAsync(ISalesDatabase db, RecordReference record, long ownerId, SalesPrincipal by, CancellationToken cancellationToken = default) =>
        ChangeAsync(db, record, ownerId, by, mark: null, cancellationToken);

    /// <summary>
    /// The same, with a mark: the change's audit entry carries the mark's reason, so a retried workflow step finds it with
    /// <see cref="FindMarkedAsync"/>; an owner that stays the same is then noted too (an entry with equal old and new values).
    /// </summary>
    /// <returns>The previous owner.</returns>
    /// <exception cref="RecordNotFoundException">No such record in the principal's scope.</exception>
    /// <exception cref="RuleViolationException">The new owner is inactive or out of the principal's scope.</exception>
    public static async Task<long> ChangeAsync(ISalesDatabase db, RecordReference record, long ownerId, SalesPrincipal by, OwnerChangeMark? mark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(by);
        var id = record.Id;
        (long OwnerId, long? RegionId, Action<long> Set) target = record.Type switch
        {
            RecordReference.Lead => Of(await db.Leads.FindInScopeAsync(id, by, cancellationToken), static (r, o) => r.OwnerId = o),
            RecordReference.Account => Of(await db.Accounts.FindInScopeAsync(id, by, cancellationToken), static (r, o) => r.OwnerId = o),
            RecordReference.Contact => Of(await db.Contacts.FindInScopeAsync(id, by, cancellationToken), static (r, o) => r.OwnerId = o),
            RecordReference.Opportunity => Of(await db.Opportunities.FindInScopeAsync(id, by, cancellationToken), static (r, o) => r.OwnerId = o),
            _ => throw new InvalidOperationException($"'{record}' is not a lead, account, contact or opportunity."),
        };
        var violations = new List<RuleViolation>();
        await violations.OwnerAsync(db, ownerId, target.RegionId, by, $"{record.Type} {record.Id}", cancellationToken);
        violations.ThrowIfAny($"{record} cannot go to user {ownerId}.");
        target.Set(ownerId);
        db.Actor = by.ToActor(mark?.Reason);
        if (mark is not null && target.OwnerId == ownerId)
        {
            var owner = Text(ownerId);
            db.AuditEntries.Add(new AuditEntry
            {
                RecordType = AuditedType(record), RecordId = id, Change = "Updated", Field = OwnerField, OldValue = owner, NewValue = owner,
                At = mark.At, ByUserId = db.Actor.UserId, ByWorkflowInstanceId = db.Actor.WorkflowInstanceId, Reason = mark.Reason,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return target.OwnerId;
    }

    /// <summary>The owner change <paramref name="reason"/> marks, if it was saved: (previous owner, owner).</summary>
    public static async Task<(long PreviousOwnerId, long OwnerId)?> FindMarkedAsync(ISalesDatabase db, RecordReference record, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (type, id) = (AuditedType(record), record.Id);
        var entry = await db.AuditEntries.AsNoTracking()
            .Where(e => e.RecordType == type && e.RecordId == id && e.Field == OwnerField && e.Reason == reason)
            .Select(e => new { e.OldValue, e.NewValue }).FirstOrDefaultAsync(cancellationToken);
        return entry is null ? null
            : (long.Parse(entry.OldValue!, CultureInfo.InvariantCulture), long.Parse(entry.NewValue!, CultureInfo.InvariantCulture));
    }

    private const string OwnerField = nameof(IOwnedRecord.OwnerId);

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string AuditedType(RecordReference record) => record.Type switch
    {
        RecordReference.Lead => "Lead",
        RecordReference.Account => "Account",
        RecordReference.Contact => "Contact",
        RecordReference.Opportunity => "Opportunity",
        _ => throw new InvalidOperationException($"'{record}' is not a lead, account, contact or opportunity."),
    };

    private static (long, long?, Action<long>) Of<T>(T record, Action<T, long> set) where T : SalesRecord, IOwnedRecord =>
        (record.OwnerId, record.RegionId, owner => set(record, owner));
}

/// <summary>What marks an owner change in the audit log: its reason (unique to a workflow step's execution) and when it happened.</summary>
public sealed record OwnerChangeMark(string Reason, DateTimeOffset At);
