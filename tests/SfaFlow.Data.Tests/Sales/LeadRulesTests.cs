using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Records;

namespace SfaFlow.Data.Tests.Sales;

public sealed class LeadRulesTests
{
    private static LeadFields Ada => new() { Name = "Ada King Lovelace", Company = "Difference Ltd", Email = "ada@example.com", Source = "Trade fair" };

    [Fact]
    public async Task Convert_CreatesAccountContactAndDeal_InOneGo_AndTheLeadPointsAtThem()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var leads = host.Get<LeadService>();
        var lead = await leads.CreateAsync(Ada, s.Rep);

        var result = await leads.ConvertAsync(lead.Id, new LeadConversion { Amount = 5000m, Currency = "USD" }, lead.Version, s.Rep);

        await using var db = await host.OpenAsync();
        var account = await db.Accounts.SingleAsync(a => a.Id == result.AccountId);
        var contact = await db.Contacts.SingleAsync(c => c.Id == result.ContactId);
        var deal = await db.Opportunities.SingleAsync(o => o.Id == result.OpportunityId);
        Assert.Equal(("Difference Ltd", s.Rep.UserId), (account.Name, account.OwnerId));
        Assert.Equal(("Ada King", "Lovelace", account.Id), (contact.FirstName, contact.LastName, contact.AccountId));
        Assert.Equal((account.Id, lead.Id, 4600m), (deal.AccountId, deal.LeadId, deal.AmountInReportingCurrency));
        var converted = await db.Leads.SingleAsync();
        Assert.Equal((LeadStatus.Converted, account.Id, contact.Id, deal.Id), (converted.Status, converted.ConvertedAccountId, converted.ConvertedContactId, converted.ConvertedOpportunityId));
    }

    [Fact]
    public async Task Convert_WhenTheDealIsRefused_WritesNothing()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        await using (var db = await host.OpenAsync())
        {
            var first = await db.Stages.SingleAsync(x => x.Id == s.StageNamed("Prospecting").Id);
            first.GateCondition = "opportunity.amount > 0";
            first.GateMessage = "A deal needs an amount.";
            await db.SaveChangesAsync();
        }

        var leads = host.Get<LeadService>();
        var lead = await leads.CreateAsync(Ada, s.Rep);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => leads.ConvertAsync(lead.Id, new LeadConversion(), null, s.Rep));

        Assert.Contains("A deal needs an amount.", refused.Message, StringComparison.Ordinal);
        await using var check = await host.OpenAsync();
        Assert.Equal((1, 0, 0), (await check.Accounts.CountAsync(), await check.Contacts.CountAsync(), await check.Opportunities.CountAsync()));
        Assert.Equal(LeadStatus.New, (await check.Leads.SingleAsync()).Status);
    }

    [Fact]
    public async Task Create_InvalidFields_AreReportedByField_AndOwnersOutsideScopeAreRefused()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var leads = host.Get<LeadService>();

        var invalid = await Assert.ThrowsAsync<RuleViolationException>(() => leads.CreateAsync(Ada with { Name = "", Email = "not an address", Score = 101 }, s.Rep));
        var foreign = await Assert.ThrowsAsync<RuleViolationException>(() => leads.CreateAsync(Ada with { OwnerId = s.OtherRep.UserId }, s.Rep));
        var assigned = await leads.CreateAsync(Ada with { OwnerId = s.OtherRep.UserId }, s.Manager);

        Assert.Equal(["name", "email", "score"], invalid.Violations.Select(v => v.Field));
        Assert.Equal(["ownerId"], foreign.Violations.Select(v => v.Field));
        Assert.Equal(s.OtherRep.UserId, assigned.OwnerId);
    }

    [Fact]
    public async Task Disqualify_NeedsAReason_AndAConvertedLeadIsNoLongerChanged()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var leads = host.Get<LeadService>();
        var lead = await leads.CreateAsync(Ada, s.Rep);

        await Assert.ThrowsAsync<RuleViolationException>(() => leads.DisqualifyAsync(lead.Id, "", null, s.Rep));
        await leads.ConvertAsync(lead.Id, new LeadConversion { CreateOpportunity = false }, null, s.Rep);
        var again = await Assert.ThrowsAsync<RuleViolationException>(() => leads.UpdateAsync(lead.Id, Ada, null, s.Rep));

        Assert.Contains("was converted", again.Message, StringComparison.Ordinal);
    }
}
