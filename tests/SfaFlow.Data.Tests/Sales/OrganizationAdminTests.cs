using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Data.Tests.Sales;

public sealed class OrganizationAdminTests
{
    [Fact]
    public async Task Changes_ByANonAdmin_AreRefused()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);

        await Assert.ThrowsAsync<PermissionDeniedException>(() => host.Get<RegionService>().CreateAsync(new RegionFields("EMEA"), s.Manager));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => host.Get<TeamService>().CreateAsync(new TeamFields("Field"), s.Manager));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => host.Get<CustomerCategoryService>().CreateAsync("Enterprise", s.Rep));
        var users = await Assert.ThrowsAsync<PermissionDeniedException>(() => host.Get<SalesUserService>().CreateAsync(new SalesUserFields { UserName = "x", DisplayName = "X" }, s.Manager));

        Assert.Equal("Only an admin may change users.", users.Message);
    }

    [Fact]
    public async Task Regions_CannotBeInsideThemselves_AndOneInUseIsNotDeleted()
    {
        await using var host = await SalesHost.CreateAsync();
        var admin = await Admins.CreateAsync(host);
        var regions = host.Get<RegionService>();
        var emea = await regions.CreateAsync(new RegionFields("EMEA"), admin);
        var dach = await regions.CreateAsync(new RegionFields("DACH", emea.Id), admin);
        var bavaria = await regions.CreateAsync(new RegionFields("Bavaria", dach.Id), admin);

        var cycle = await Assert.ThrowsAsync<RuleViolationException>(() => regions.UpdateAsync(emea.Id, new RegionFields("EMEA", bavaria.Id), null, admin));
        var twin = await Assert.ThrowsAsync<RuleViolationException>(() => regions.CreateAsync(new RegionFields("DACH", emea.Id), admin));
        var inUse = await Assert.ThrowsAsync<RecordInUseException>(() => regions.DeleteAsync(dach.Id, null, admin));
        await regions.DeleteAsync(bavaria.Id, null, admin);
        await regions.DeleteAsync(dach.Id, null, admin);

        Assert.Equal("Region 'EMEA' cannot be part of itself or of a region below it.", Assert.Single(cycle.Violations).Message);
        Assert.Equal("There is a region named 'DACH' there already.", Assert.Single(twin.Violations).Message);
        Assert.Equal("Region 'DACH' cannot be deleted: 1 region below it refers to it. Move them to another region first.", inUse.Message);
    }

    [Fact]
    public async Task TeamsAndCategories_InUse_AreNotDeleted()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var admin = await Admins.CreateAsync(host);
        var team = await host.Get<TeamService>().CreateAsync(new TeamFields("Field sales", s.Manager.UserId), admin);
        await host.AddUserAsync("member", teamId: team.Id);
        var categories = host.Get<CustomerCategoryService>();
        var enterprise = await categories.CreateAsync("Enterprise", admin);
        await host.Get<AccountService>().CreateAsync(new AccountFields { Name = "Big Corp", CustomerCategoryId = enterprise.Id }, s.Rep);

        var members = await Assert.ThrowsAsync<RecordInUseException>(() => host.Get<TeamService>().DeleteAsync(team.Id, null, admin));
        var accounts = await Assert.ThrowsAsync<RecordInUseException>(() => categories.DeleteAsync(enterprise.Id, null, admin));
        var twin = await Assert.ThrowsAsync<RuleViolationException>(() => categories.CreateAsync(" Enterprise ", admin));

        Assert.Equal("Team 'Field sales' cannot be deleted: 1 member refers to it. Move them to another team first.", members.Message);
        Assert.Equal(["1 account"], accounts.References);
        Assert.Equal("There is a customer category named 'Enterprise' already.", Assert.Single(twin.Violations).Message);
    }

    [Fact]
    public async Task Users_AreValidatedByField_AndAnAdminCannotLockThemselvesOut()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var admin = await Admins.CreateAsync(host);
        var users = host.Get<SalesUserService>();

        var invalid = await Assert.ThrowsAsync<RuleViolationException>(() => users.CreateAsync(new SalesUserFields
        {
            UserName = "rep", DisplayName = " ", Email = "nope", ManagerId = 99, RegionIds = [42],
        }, admin));
        var created = await users.CreateAsync(new SalesUserFields { UserName = "grace.h", DisplayName = "Grace Hopper", Scope = RecordScope.Team, ManagerId = s.Manager.UserId }, admin);
        var selfDemotion = await Assert.ThrowsAsync<RuleViolationException>(() => users.UpdateAsync(admin.UserId,
            new SalesUserFields { UserName = "admin", DisplayName = "Admin", Role = SalesRole.Rep, IsActive = false }, null, admin));

        Assert.Equal(["userName", "displayName", "email", "managerId", "regionIds"], invalid.Violations.Select(v => v.Field));
        Assert.Equal((SalesRole.Rep, RecordScope.Team, true), (created.Role, created.Scope, created.IsActive));
        Assert.Equal(["role", "isActive"], selfDemotion.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task Users_WhoOwnRecords_AreDeactivatedNotDeleted()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var admin = await Admins.CreateAsync(host);
        var users = host.Get<SalesUserService>();
        var newcomer = await users.CreateAsync(new SalesUserFields { UserName = "newcomer", DisplayName = "New" }, admin);

        var refused = await Assert.ThrowsAsync<RecordInUseException>(() => users.DeleteAsync(s.Rep.UserId, null, admin));
        await users.DeleteAsync(newcomer.Id, newcomer.Version, admin);

        Assert.StartsWith("User 'rep' cannot be deleted: 1 record they own", refused.Message, StringComparison.Ordinal);
        Assert.Null(await host.Get<SalesPrincipalResolver>().ResolveAsync("newcomer"));
    }
}
