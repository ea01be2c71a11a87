using Microsoft.EntityFrameworkCore;
using SfaFlow.Plugins.Activities;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Opportunities;

namespace SfaFlow.Sales.Workflows;

/// <summary>Loads <see cref="WorkflowRecord"/>: the workflow's record and the records around it (a deal's account, a contact's).</summary>
public static class WorkflowRecordLoader
{
    /// <summary>
    /// The record <paramref name="record"/> names (<c>lead:42</c>, an activity's input), else the one the instance's
    /// correlation id names, or <see cref="WorkflowRecord.None"/> when it names none. The workflow sees every record (its
    /// principal's scope is all), so nothing is filtered by scope here.
    /// </summary>
    /// <exception cref="InvalidOperationException">The input is not a lead, deal, account or contact, or the record does not exist (any more).</exception>
    public static async Task<WorkflowRecord> LoadRecordAsync(this IActivityExecutionContext context, string? record = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var given = !string.IsNullOrWhiteSpace(record);
        if (!RecordReference.TryParse(given ? record!.Trim() : context.CorrelationId, out var reference)
            || reference.Type is not (RecordReference.Lead or RecordReference.Opportunity or RecordReference.Account or RecordReference.Contact))
        {
            return given
                ? throw new InvalidOperationException($"{context.ActivityType} acts on leads, deals, accounts and contacts (lead:42, opportunity:7, account:3, contact:9), not on '{record}'.")
                : WorkflowRecord.None;
        }

        var cancellationToken = context.CancellationToken;
        await using var db = await context.Service<ISalesDatabaseFactory>().OpenAsync(cancellationToken);
        var loaded = reference.Type switch
        {
            RecordReference.Lead => await db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == reference.Id, cancellationToken) is { } lead
                ? new WorkflowRecord { Views = new Dictionary<string, object?> { ["lead"] = LeadScriptView.Create(lead) }, Email = lead.Email, RegionId = lead.RegionId, OwnerId = lead.OwnerId }
                : null,
            RecordReference.Opportunity => await LoadDealAsync(db, reference.Id, cancellationToken),
            RecordReference.Account => await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == reference.Id, cancellationToken) is { } account
                ? new WorkflowRecord { Views = new Dictionary<string, object?> { ["account"] = AccountScriptView.Create(account) }, RegionId = account.RegionId, OwnerId = account.OwnerId }
                : null,
            _ => await LoadContactAsync(db, reference.Id, cancellationToken),
        };
        return loaded is null
            ? throw new InvalidOperationException($"{context.ActivityType}: the record '{reference}' does not exist.")
            : loaded with { Reference = reference };
    }

    private static async Task<WorkflowRecord?> LoadDealAsync(ISalesDatabase db, long id, CancellationToken cancellationToken)
    {
        var deal = await db.Opportunities.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (deal is null)
        {
            return null;
        }

        var stage = await db.Stages.AsNoTracking().FirstAsync(s => s.Id == deal.StageId, cancellationToken);
        var activities = await db.Activities.AsNoTracking().Where(a => a.OpportunityId == id).ToListAsync(cancellationToken);
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == deal.AccountId, cancellationToken);
        var views = new Dictionary<string, object?> { ["opportunity"] = OpportunityScriptView.Create(deal, stage, activities) };
        if (account is not null)
        {
            views["account"] = AccountScriptView.Create(account);
        }

        return new WorkflowRecord { Views = views, RegionId = deal.RegionId, OwnerId = deal.OwnerId };
    }

    private static async Task<WorkflowRecord?> LoadContactAsync(ISalesDatabase db, long id, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return null;
        }

        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == contact.AccountId, cancellationToken);
        var views = new Dictionary<string, object?> { ["contact"] = ContactScriptView.Create(contact) };
        if (account is not null)
        {
            views["account"] = AccountScriptView.Create(account);
        }

        return new WorkflowRecord { Views = views, Email = contact.Email, RegionId = contact.RegionId, OwnerId = contact.OwnerId };
    }
}
