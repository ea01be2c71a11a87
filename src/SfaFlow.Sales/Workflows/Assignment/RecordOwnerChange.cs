using System.Globalization;
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
    /// <summary>
    /// With <paramref name="noteUnchangedAt"/>, an owner that stays the same is noted in the audit log too, at that time (an
    /// entry with equal old and new values), so that a workflow's assignment shows even when its rule chose the current owner.
    /// </summary>
    /// <returns>The previous owner.</returns>
    /// <exception cref="RecordNotFoundException">No such record in the principal's scope.</exception>
    /// <exception cref="RuleViolationException">The new owner is inactive or out of the principal's scope.</exception>
    public static async Task<long> ChangeAsync(
        ISalesDatabase db, RecordReference record, long ownerId, SalesPrincipal by, DateTimeOffset? noteUnchangedAt = null, CancellationToken cancellationToken = default)
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
        db.Actor = by.ToActor();
        if (noteUnchangedAt is { } at && target.OwnerId == ownerId)
        {
            var owner = ownerId.ToString(CultureInfo.InvariantCulture);
            db.AuditEntries.Add(new AuditEntry
            {
                RecordType = AuditedType(record), RecordId = id, Change = "Updated", Field = nameof(IOwnedRecord.OwnerId), OldValue = owner, NewValue = owner,
                At = at, ByUserId = db.Actor.UserId, ByWorkflowInstanceId = db.Actor.WorkflowInstanceId,
                Reason = "The assignment rule chose the current owner.",
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return target.OwnerId;
    }

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
