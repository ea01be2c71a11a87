using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Activities;

/// <summary>
/// Calls, meetings, e-mails, tasks and visits: planned, changed, completed with an outcome (which keeps the linked deal's
/// last activity current), cancelled, deleted. Completion is in <c>SalesActivityService.Completion.cs</c>.
/// </summary>
public sealed partial class SalesActivityService(ISalesDatabaseFactory databases, TimeProvider clock)
{
    public async Task<SalesActivity> PlanAsync(ActivityFields fields, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        return await PlanAsync(db, fields, by, cancellationToken);
    }

    /// <summary>Plans an activity in an open unit of work (a workflow step, an import). Nothing is tracked when it is refused.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "One service API: callers hold the service, not its type.")]
    public async Task<SalesActivity> PlanAsync(ISalesDatabase db, ActivityFields fields, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(by);
        var activity = new SalesActivity { Subject = "", Status = ActivityStatus.Planned, CreatedByUserId = by.ToActor().UserId };
        await ApplyAsync(db, activity, fields, by, cancellationToken);
        db.Activities.Add(activity);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return activity;
    }

    /// <summary>Changes an activity's fields (not its status: see complete and cancel).</summary>
    public async Task<SalesActivity> UpdateAsync(long id, ActivityFields fields, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        var activity = await db.Activities.FindInScopeAsync(id, by, cancellationToken);
        activity.CheckVersion(expectedVersion);
        await ApplyAsync(db, activity, fields, by, cancellationToken);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return activity;
    }

    /// <summary>Deletes an activity, unless a workflow waits on it (deleting it would strand the workflow: cancel it instead).</summary>
    /// <exception cref="RecordInUseException">A workflow waits on the activity.</exception>
    public async Task DeleteAsync(long id, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        var activity = await db.Activities.FindInScopeAsync(id, by, cancellationToken);
        activity.CheckVersion(expectedVersion);
        RecordInUseException.ThrowIfReferenced($"Activity '{activity.Subject}'", "Complete or cancel it instead.",
            (activity.Status == ActivityStatus.Planned && activity.WorkflowBookmarkId is not null ? 1 : 0, "waiting workflow", "waiting workflows"));
        db.Activities.Remove(activity);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task ApplyAsync(ISalesDatabase db, SalesActivity activity, ActivityFields fields, SalesPrincipal by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var violations = new List<RuleViolation>();
        violations.Require(Enum.IsDefined(fields.Kind), "kind", $"kind is one of {string.Join(", ", Enum.GetNames<ActivityKind>())}.");
        violations.RequireText(fields.Subject, "subject", "An activity needs a subject.");
        violations.Require(fields.StartAt is not null || fields.Kind is not (ActivityKind.Meeting or ActivityKind.Visit), "startAt", $"A {fields.Kind.ToString().ToLowerInvariant()} needs a start (startAt).");
        violations.Require(fields.EndAt is null || fields.StartAt is null || fields.EndAt >= fields.StartAt, "endAt", "An activity cannot end before it starts.");
        var regionId = await LinksAsync(db, fields, by, violations, cancellationToken);
        var ownerId = fields.OwnerId ?? (activity.Id == 0 ? by.UserId : activity.OwnerId);
        await violations.OwnerAsync(db, ownerId, regionId, by, "an activity", cancellationToken);
        violations.ThrowIfAny($"The activity '{fields.Subject}' is not valid.");

        activity.Kind = fields.Kind;
        activity.Subject = fields.Subject.Trim();
        activity.Notes = FieldRules.Clean(fields.Notes);
        activity.DueAt = fields.DueAt;
        activity.StartAt = fields.StartAt;
        activity.EndAt = fields.EndAt;
        (activity.LeadId, activity.AccountId, activity.ContactId, activity.OpportunityId) = (fields.LeadId, fields.AccountId, fields.ContactId, fields.OpportunityId);
        activity.OwnerId = ownerId;
        activity.RegionId = regionId;
    }

    /// <summary>
    /// Checks the links: at least one, each to a record in the caller's scope (one outside it is reported as missing, so
    /// scope leaks nothing), a contact or deal of the account given. The activity takes the region of the most specific one.
    /// </summary>
    private static async Task<long?> LinksAsync(ISalesDatabase db, ActivityFields fields, SalesPrincipal by, List<RuleViolation> violations, CancellationToken cancellationToken)
    {
        violations.Require(fields.LeadId is not null || fields.AccountId is not null || fields.ContactId is not null || fields.OpportunityId is not null,
            "leadId", "An activity is about a lead, an account, a contact or a deal: give at least one (leadId, accountId, contactId, opportunityId).");
        var lead = fields.LeadId is { } l ? await db.Leads.VisibleTo(by).Where(x => x.Id == l).Select(x => new { x.RegionId }).FirstOrDefaultAsync(cancellationToken) : null;
        var account = fields.AccountId is { } a ? await db.Accounts.VisibleTo(by).Where(x => x.Id == a).Select(x => new { x.RegionId }).FirstOrDefaultAsync(cancellationToken) : null;
        var contact = fields.ContactId is { } c ? await db.Contacts.VisibleTo(by).Where(x => x.Id == c).Select(x => new { x.RegionId, x.AccountId }).FirstOrDefaultAsync(cancellationToken) : null;
        var deal = fields.OpportunityId is { } o ? await db.Opportunities.VisibleTo(by).Where(x => x.Id == o).Select(x => new { x.RegionId, x.AccountId }).FirstOrDefaultAsync(cancellationToken) : null;
        violations.Require(fields.LeadId is null || lead is not null, "leadId", $"There is no lead {fields.LeadId}.");
        violations.Require(fields.AccountId is null || account is not null, "accountId", $"There is no account {fields.AccountId}.");
        violations.Require(fields.ContactId is null || contact is not null, "contactId", $"There is no contact {fields.ContactId}.");
        violations.Require(fields.OpportunityId is null || deal is not null, "opportunityId", $"There is no deal {fields.OpportunityId}.");
        violations.Require(contact is null || fields.AccountId is null || contact.AccountId == fields.AccountId, "contactId", $"Contact {fields.ContactId} is not at account {fields.AccountId}.");
        violations.Require(deal is null || fields.AccountId is null || deal.AccountId == fields.AccountId, "opportunityId", $"Deal {fields.OpportunityId} is not with account {fields.AccountId}.");
        return deal?.RegionId ?? contact?.RegionId ?? account?.RegionId ?? lead?.RegionId;
    }
}
