using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Records;

namespace SfaFlow.Data.Tests.Sales;

public sealed class ContactRulesTests
{
    [Fact]
    public async Task Create_TakesOwnerAndRegionFromTheAccount_UnlessGiven()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var admin = await Admins.CreateAsync(host);
        var region = await host.Get<RegionService>().CreateAsync(new RegionFields("DACH"), admin);
        var account = await host.Get<AccountService>().CreateAsync(new AccountFields { Name = "Zuse KG", RegionId = region.Id }, s.Rep);
        var contacts = host.Get<ContactService>();

        var byManager = await contacts.CreateAsync(new ContactFields { AccountId = account.Id, FirstName = "Konrad", LastName = "Zuse" }, s.Manager);
        var assigned = await contacts.CreateAsync(new ContactFields { AccountId = account.Id, LastName = "Other", OwnerId = s.Manager.UserId }, s.Manager);

        Assert.Equal((s.Rep.UserId, region.Id), (byManager.OwnerId, byManager.RegionId));
        Assert.Equal((s.Manager.UserId, region.Id), (assigned.OwnerId, assigned.RegionId));
    }

    [Fact]
    public async Task Create_OnAnAccountOutsideScope_IsReportedAsMissing_WithEveryOtherViolation()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => host.Get<ContactService>().CreateAsync(
            new ContactFields { AccountId = s.Account.Id, LastName = " ", Email = "ada(at)example.com" }, s.OtherRep));

        Assert.Equal(["accountId", "lastName", "email"], refused.Violations.Select(v => v.Field));
        Assert.Equal($"There is no account {s.Account.Id}.", refused.Violations[0].Message);
    }

    [Fact]
    public async Task Delete_WithActivities_IsRefused_AndOtherwiseDeletes()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var contacts = host.Get<ContactService>();
        var called = await contacts.CreateAsync(new ContactFields { AccountId = s.Account.Id, FirstName = "Ada", LastName = "Lovelace" }, s.Rep);
        var quiet = await contacts.CreateAsync(new ContactFields { AccountId = s.Account.Id, LastName = "Byron" }, s.Rep);
        await host.Get<SalesActivityService>().PlanAsync(new ActivityFields { Kind = ActivityKind.Call, Subject = "Intro", ContactId = called.Id }, s.Rep);

        var refused = await Assert.ThrowsAsync<RecordInUseException>(() => contacts.DeleteAsync(called.Id, null, s.Rep));
        await contacts.DeleteAsync(quiet.Id, null, s.Rep);

        Assert.Equal("Contact 'Ada Lovelace' cannot be deleted: 1 activity refers to it. Move or delete them first.", refused.Message);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => contacts.DeleteAsync(quiet.Id, null, s.Rep));
    }
}
