using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Demo;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Data.Tests.Demo;

[Collection(DemoDatabase.Name)]
public sealed class DemoSeedingTests(SeededDemo demo)
{
    [Fact]
    public void Seed_EmptyDatabase_CreatesWhatTheIssueNames()
    {
        Assert.Equal(DemoSeedOutcome.Seeded, demo.Outcome);
        Assert.Equal(4, demo.Regions.Count);
        Assert.Equal(3, demo.Teams.Count);
        Assert.Equal(12, demo.Users.Count);
        Assert.Equal(3, demo.Pipelines.Count);
        Assert.Equal(30, demo.Products.Count);
        Assert.Equal(500, demo.Leads.Count);
        Assert.Equal(300, demo.Accounts.Count);
        Assert.Equal(600, demo.Contacts.Count);
        Assert.Equal(800, demo.Opportunities.Count);
        Assert.Equal(5_000, demo.Activities.Count);
        Assert.Equal(4, demo.Categories.Count);
        Assert.Equal(Enum.GetValues<LeadStatus>(), demo.Leads.Select(l => l.Status).Distinct().Order());
        Assert.True(demo.Products.Select(p => p.ProductLine).Distinct().Count() >= 3);
        Assert.Equal(300, demo.Accounts.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Regions_FormOneTreeThreeLevelsDeep()
    {
        var root = Assert.Single(demo.Regions, r => r.ParentId is null);
        Assert.All(demo.Regions.Where(r => r != root), r => Assert.Contains(demo.Regions, p => p.Id == r.ParentId));
        var depth = demo.Regions.Max(r => Ancestors(r).Count());
        Assert.Equal(2, depth);

        IEnumerable<Region> Ancestors(Region region)
        {
            for (var at = region; at.ParentId is { } parent; at = demo.Regions.Single(r => r.Id == parent))
            {
                yield return demo.Regions.Single(r => r.Id == parent);
            }
        }
    }

    [Fact]
    public void Users_AreTheDemoUserList_WithTeamsManagersAndScopes()
    {
        Assert.Equal(DemoUsers.All.Select(u => (u.UserName, u.DisplayName, u.Role, u.Scope)), demo.Users.Select(u => (u.UserName, u.DisplayName, u.Role, u.Scope)));
        Assert.Equal([1, 2, 8, 1], Enum.GetValues<SalesRole>().Select(role => demo.Users.Count(u => u.Role == role)));
        Assert.Equal([RecordScope.Team, RecordScope.Region], demo.Users.Where(u => u.Role == SalesRole.Manager).Select(u => u.Scope).Order());
        Assert.All(demo.Users.Where(u => u.Role == SalesRole.Rep), rep =>
        {
            Assert.Equal(RecordScope.Own, rep.Scope);
            Assert.NotNull(rep.TeamId);
            Assert.NotEmpty(rep.RegionIds);
            Assert.Equal(SalesRole.Manager, demo.Users.Single(u => u.Id == rep.ManagerId).Role);
        });
        Assert.All(demo.Teams, team => Assert.Equal(SalesRole.Manager, demo.Users.Single(u => u.Id == team.ManagerId).Role));
        Assert.All(DemoUsers.All, user => Assert.Matches("^(?=.*[a-z])(?=.*[A-Z])(?=.*[0-9])(?=.*[^a-zA-Z0-9]).{6,}$", user.Password));
    }

    [Fact]
    public async Task Seed_SecondTimeOnTheSameDatabase_WritesNothing()
    {
        var outcome = await demo.Host.Get<DemoOrganizationSeeder>().SeedIfEmptyAsync();

        Assert.Equal(DemoSeedOutcome.AlreadySeeded, outcome);
        Assert.Equal(demo.Digest, await DatabaseDigest.ComputeAsync(demo.Host));
    }

    [Fact]
    public async Task Seed_TwoEmptyDatabases_WriteIdenticalRows()
    {
        await using var other = await SalesHost.CreateAsync();

        await other.Get<DemoOrganizationSeeder>().SeedIfEmptyAsync();

        Assert.Equal(demo.Digest, await DatabaseDigest.ComputeAsync(other));
    }

    [Fact]
    public async Task Seed_DatabaseWithRecordsButNoUsers_WritesNothing()
    {
        await using var host = await SalesHost.CreateAsync();
        await using (var db = await host.OpenAsync())
        {
            db.Regions.Add(new Region { Name = "Somewhere" });
            await db.SaveChangesAsync();
        }

        var outcome = await host.Get<DemoOrganizationSeeder>().SeedIfEmptyAsync();

        Assert.Equal(DemoSeedOutcome.NotEmpty, outcome);
        await using var check = await host.OpenAsync();
        Assert.Equal((0, 1), (await check.Users.CountAsync(), await check.Regions.CountAsync()));
    }

    [Fact]
    public void Records_CarryTheirHistoricalTimes_NotTheMomentOfSeeding()
    {
        List<SalesRecord> records = [.. demo.Leads, .. demo.Accounts, .. demo.Contacts, .. demo.Opportunities, .. demo.Orders, .. demo.Activities, .. demo.Users, .. demo.Products];
        Assert.All(records, r => Assert.True(r.CreatedAt <= r.UpdatedAt && r.UpdatedAt < demo.Today, $"{r.GetType().Name} {r.Id}: {r.CreatedAt:O} .. {r.UpdatedAt:O}"));
        Assert.All(records, r => Assert.Equal(1, r.Version));
        // A year of history, not one day of it.
        var created = demo.Opportunities.Select(o => o.CreatedAt).ToList();
        Assert.InRange((created.Max() - created.Min()).TotalDays, 300, 366);
        Assert.True(created.Min() >= demo.Today.AddDays(-366));
        Assert.Equal(demo.Opportunities.Select(o => o.Id), demo.Opportunities.OrderBy(o => o.CreatedAt).Select(o => o.Id));
    }
}
