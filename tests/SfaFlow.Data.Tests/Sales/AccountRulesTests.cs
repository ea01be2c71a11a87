using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Records;

namespace SfaFlow.Data.Tests.Sales;

public sealed class AccountRulesTests
{
    private static AccountFields Babbage => new() { Name = "Babbage & Co", Website = "babbage.example", City = " London ", Country = "GB" };

    [Fact]
    public async Task Create_InvalidFields_ReportsEveryViolationByField()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var accounts = host.Get<AccountService>();

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => accounts.CreateAsync(Babbage with
        {
            Name = " ", Lifecycle = (AccountLifecycle)42, Website = "not a site", CustomerCategoryId = 99, RegionId = 98, OwnerId = s.OtherRep.UserId,
        }, s.Rep));

        Assert.Equal(["name", "lifecycle", "website", "customerCategoryId", "regionId", "ownerId"], refused.Violations.Select(v => v.Field));
        Assert.Equal("There is no customer category 99.", refused.Violations[3].Message);
        Assert.Equal("You cannot give an account to someone outside your scope.", refused.Violations[5].Message);
    }

    [Fact]
    public async Task Create_OwnerDefaultsToTheCaller_TextIsTrimmed_AndAManagerMayAssignAnyone()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var accounts = host.Get<AccountService>();

        var mine = await accounts.CreateAsync(Babbage, s.Rep);
        var assigned = await accounts.CreateAsync(Babbage with { OwnerId = s.OtherRep.UserId }, s.Manager);

        Assert.Equal((s.Rep.UserId, "London", AccountLifecycle.Prospect, 1), (mine.OwnerId, mine.City, mine.Lifecycle, mine.Version));
        Assert.Equal(s.OtherRep.UserId, assigned.OwnerId);
    }

    [Fact]
    public async Task ChangesOutsideScope_AreNotFound_AndStaleVersionsConflict()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var accounts = host.Get<AccountService>();
        var account = await accounts.CreateAsync(Babbage, s.Rep);

        await Assert.ThrowsAsync<RecordNotFoundException>(() => accounts.UpdateAsync(account.Id, Babbage, null, s.OtherRep));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => accounts.DeleteAsync(account.Id, null, s.OtherRep));
        var renamed = await accounts.UpdateAsync(account.Id, Babbage with { Name = "Babbage Ltd" }, account.Version, s.Rep);
        var stale = await Assert.ThrowsAsync<VersionConflictException>(() => accounts.UpdateAsync(account.Id, Babbage, account.Version, s.Rep));

        Assert.Equal(2, renamed.Version);
        Assert.Contains("you have version 1, it is at version 2", stale.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_WhenRecordsReferToIt_IsRefusedSayingWhat_AndAnUnusedAccountIsDeletedAndAudited()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var accounts = host.Get<AccountService>();
        await host.Get<ContactService>().CreateAsync(new ContactFields { AccountId = s.Account.Id, LastName = "Lovelace" }, s.Rep);
        await host.Get<SalesActivityService>().PlanAsync(new ActivityFields { Kind = ActivityKind.Call, Subject = "Intro", AccountId = s.Account.Id }, s.Rep);
        await host.Get<SfaFlow.Sales.Opportunities.OpportunityService>().CreateAsync(Deals.Fields(s, "Engines", 1m, "EUR", new DateOnly(2027, 1, 1)), new(), s.Rep);
        var unused = await accounts.CreateAsync(Babbage, s.Rep);

        var refused = await Assert.ThrowsAsync<RecordInUseException>(() => accounts.DeleteAsync(s.Account.Id, null, s.Rep));
        await accounts.DeleteAsync(unused.Id, unused.Version, s.Rep);

        Assert.Equal("Account 'Analytical Engines Ltd' cannot be deleted: 1 contact, 1 deal and 1 activity refer to it. Move or delete them first, or mark the account Former.", refused.Message);
        await using var db = await host.OpenAsync();
        Assert.False(await db.Accounts.AnyAsync(a => a.Id == unused.Id));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.RecordType == "Account" && a.RecordId == unused.Id && a.Change == "Deleted" && a.ByUserId == s.Rep.UserId));
    }
}
