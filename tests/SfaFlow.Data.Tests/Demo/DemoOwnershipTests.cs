using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Data.Tests.Demo;

[Collection(DemoDatabase.Name)]
public sealed class DemoOwnershipTests(SeededDemo demo)
{
    [Fact]
    public void OwnedRecords_BelongToActiveRepsWorkingTheRecordsRegion()
    {
        var users = demo.Users.ToDictionary(u => u.Id);
        IEnumerable<(string Kind, SalesRecord Record, IOwnedRecord Owned)> owned =
        [
            .. demo.Leads.Select(r => ("Lead", (SalesRecord)r, (IOwnedRecord)r)), .. demo.Accounts.Select(r => ("Account", (SalesRecord)r, (IOwnedRecord)r)),
            .. demo.Contacts.Select(r => ("Contact", (SalesRecord)r, (IOwnedRecord)r)), .. demo.Opportunities.Select(r => ("Opportunity", (SalesRecord)r, (IOwnedRecord)r)),
            .. demo.Orders.Select(r => ("Order", (SalesRecord)r, (IOwnedRecord)r)), .. demo.Activities.Select(r => ("Activity", (SalesRecord)r, (IOwnedRecord)r)),
        ];
        Assert.All(owned, r =>
        {
            Assert.True(users.TryGetValue(r.Owned.OwnerId, out var owner), $"{r.Kind} {r.Record.Id}: no owner {r.Owned.OwnerId}.");
            Assert.True(owner.IsActive && owner.Role == SalesRole.Rep, $"{r.Kind} {r.Record.Id}: owner {owner.UserName} is not an active rep.");
            Assert.Contains(r.Owned.RegionId!.Value, owner.RegionIds);
        });
    }

    [Fact]
    public void RelatedRecords_HaveTheirParentsOwnerAndRegion()
    {
        var accounts = demo.Accounts.ToDictionary(a => a.Id);
        var deals = demo.Opportunities.ToDictionary(o => o.Id);
        var leads = demo.Leads.ToDictionary(l => l.Id);
        Assert.All(demo.Contacts, c => Assert.Equal((accounts[c.AccountId].OwnerId, accounts[c.AccountId].RegionId), (c.OwnerId, c.RegionId)));
        Assert.All(demo.Opportunities, o => Assert.Equal((accounts[o.AccountId].OwnerId, accounts[o.AccountId].RegionId), (o.OwnerId, o.RegionId)));
        Assert.All(demo.Activities, a =>
        {
            IOwnedRecord parent = a.OpportunityId is { } deal ? deals[deal] : a.LeadId is { } lead ? leads[lead] : accounts[a.AccountId!.Value];
            Assert.Equal((parent.OwnerId, parent.RegionId), (a.OwnerId, a.RegionId));
        });
    }

    [Fact]
    public async Task RecordScope_ShowsEachPersonTheirShareOfTheDeals()
    {
        await using var db = await demo.Host.OpenAsync();
        async Task<int> VisibleTo(string userName) =>
            await db.Opportunities.VisibleTo(await demo.Host.PrincipalAsync(userName)).CountAsync();

        var all = await VisibleTo("admin");
        var dach = await VisibleTo("maria.keller");
        var nordicsTeam = await VisibleTo("erik.lindqvist");
        var rep = await VisibleTo("jonas.weber");

        Assert.Equal(800, all);
        Assert.InRange(dach, 200, 600);
        Assert.InRange(nordicsTeam, 100, 500);
        Assert.InRange(rep, 20, dach - 1);
        Assert.Equal(0, await VisibleTo("developer"));
        Assert.Equal(RecordScope.Team, demo.Users.Single(u => u.UserName == "erik.lindqvist").Scope);
    }
}
