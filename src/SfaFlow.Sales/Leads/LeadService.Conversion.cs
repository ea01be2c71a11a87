using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Leads;

public sealed partial class LeadService
{
    /// <summary>
    /// Converts a lead into an account (or attaches it to an existing one), a contact and, unless asked not to, a deal in
    /// the pipeline's first stage (gates apply). All of it in one transaction: a refused deal leaves no account or contact
    /// behind, and the lead unconverted.
    /// </summary>
    public async Task<LeadConversionResult> ConvertAsync(long id, LeadConversion request, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await databases.OpenAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var lead = await db.Leads.FindInScopeAsync(id, by, cancellationToken);
        lead.CheckVersion(expectedVersion);
        if (lead.Status is LeadStatus.Converted or LeadStatus.Disqualified)
        {
            throw new RuleViolationException("status", $"Lead {lead.Id} is {lead.Status.ToString().ToLowerInvariant()}; only open leads are converted.");
        }

        db.Actor = by.ToActor();
        var account = await AccountForAsync(db, lead, request.AccountId, by, cancellationToken);
        var (first, last) = SplitName(lead.Name);
        var contact = new Contact
        {
            AccountId = account.Id, FirstName = first, LastName = last, Email = lead.Email, Phone = lead.Phone,
            OwnerId = account.OwnerId, RegionId = account.RegionId,
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(cancellationToken);

        Opportunity? deal = null;
        if (request.CreateOpportunity)
        {
            deal = await opportunities.CreateAsync(db, new OpportunityFields
            {
                Name = request.OpportunityName ?? $"{account.Name}: {lead.Name}",
                AccountId = account.Id,
                Amount = request.Amount,
                Currency = request.Currency ?? "EUR",
                ExpectedCloseDate = request.ExpectedCloseDate ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(90)),
                OwnerId = lead.OwnerId,
                RegionId = lead.RegionId ?? account.RegionId,
            }, new OpportunityStart(request.PipelineId, LeadId: lead.Id), by, cancellationToken);
        }

        lead.Status = LeadStatus.Converted;
        lead.ConvertedAccountId = account.Id;
        lead.ConvertedContactId = contact.Id;
        lead.ConvertedOpportunityId = deal?.Id;
        lead.ConvertedAt = clock.GetUtcNow();
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new LeadConversionResult(lead, account.Id, contact.Id, deal?.Id);
    }

    private static async Task<Account> AccountForAsync(ISalesDatabase db, Lead lead, long? accountId, SalesPrincipal by, CancellationToken cancellationToken)
    {
        if (accountId is { } existing)
        {
            return await db.Accounts.VisibleTo(by).FirstOrDefaultAsync(a => a.Id == existing, cancellationToken)
                ?? throw new RuleViolationException("accountId", $"There is no account {existing}.");
        }

        var account = new Account
        {
            Name = string.IsNullOrWhiteSpace(lead.Company) ? lead.Name : lead.Company,
            CustomerCategoryId = lead.CustomerCategoryId,
            RegionId = lead.RegionId,
            OwnerId = lead.OwnerId,
            Lifecycle = AccountLifecycle.Prospect,
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }

    /// <summary>"Ada King Lovelace" is first name "Ada King", last name "Lovelace"; a single word is a last name.</summary>
    internal static (string First, string Last) SplitName(string name)
    {
        var trimmed = name.Trim();
        var space = trimmed.LastIndexOf(' ');
        return space < 0 ? ("", trimmed) : (trimmed[..space].Trim(), trimmed[(space + 1)..]);
    }
}
