using Microsoft.EntityFrameworkCore;
using SfaFlow.Plugins.Activities;
using SfaFlow.Sales.Activities;
using ActivityKind = SfaFlow.Sales.Activities.ActivityKind;
using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Workflows.Records;

/// <summary>
/// The record a logged or planned sales activity belongs to (<c>lead:42</c>, <c>opportunity:7</c>; the workflow's own by
/// default), with what the activity takes from it: the links and the owner, who does the work unless told otherwise.
/// </summary>
internal sealed record ActivityTarget(RecordReference Record, long OwnerId, long? RegionId, long? AccountId)
{
    public const string RecordDescription = "The record it is about, as type:id (lead:42, opportunity:7, account:3, contact:9); empty for the workflow's own record.";

    public static async Task<ActivityTarget> LoadAsync(IActivityExecutionContext context, string? record)
    {
        var text = string.IsNullOrWhiteSpace(record) ? context.CorrelationId : record.Trim();
        if (!RecordReference.TryParse(text, out var reference))
        {
            throw new InvalidOperationException($"{context.ActivityType} needs a record: set its input 'record' (lead:42), or start the workflow from a record's event (correlation id '{context.CorrelationId ?? "none"}').");
        }

        var by = context.Principal();
        var token = context.CancellationToken;
        await using var db = await context.Service<ISalesDatabaseFactory>().OpenAsync(token);
        return reference.Type switch
        {
            RecordReference.Lead => await db.Leads.AsNoTracking().FindInScopeAsync(reference.Id, by, token) is var lead ? new(reference, lead.OwnerId, lead.RegionId, null) : null!,
            RecordReference.Opportunity => await db.Opportunities.AsNoTracking().FindInScopeAsync(reference.Id, by, token) is var deal ? new(reference, deal.OwnerId, deal.RegionId, deal.AccountId) : null!,
            RecordReference.Account => await db.Accounts.AsNoTracking().FindInScopeAsync(reference.Id, by, token) is var account ? new(reference, account.OwnerId, account.RegionId, account.Id) : null!,
            RecordReference.Contact => await db.Contacts.AsNoTracking().FindInScopeAsync(reference.Id, by, token) is var contact ? new(reference, contact.OwnerId, contact.RegionId, contact.AccountId) : null!,
            _ => throw new InvalidOperationException($"{context.ActivityType} records activities on leads, deals, accounts and contacts, not on '{reference}'."),
        };
    }

    /// <summary>Activity fields linked to the record, owned by <paramref name="ownerId"/> or the record's owner.</summary>
    public ActivityFields Fields(ActivityKind kind, string subject, string? notes, long? ownerId) => new()
    {
        Kind = kind,
        Subject = subject,
        Notes = notes,
        LeadId = Record.Type == RecordReference.Lead ? Record.Id : null,
        OpportunityId = Record.Type == RecordReference.Opportunity ? Record.Id : null,
        ContactId = Record.Type == RecordReference.Contact ? Record.Id : null,
        AccountId = AccountId,
        OwnerId = ownerId ?? OwnerId,
    };
}
