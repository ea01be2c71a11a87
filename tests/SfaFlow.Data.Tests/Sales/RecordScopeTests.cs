using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Security;

namespace SfaFlow.Data.Tests.Sales;

public sealed class RecordScopeTests
{
    [Theory]
    [InlineData("own", new[] { "mine" })]
    [InlineData("teammate", new[] { "mine", "teammate's" })]
    [InlineData("regional", new[] { "mine", "in DACH", "in Bavaria" })]
    [InlineData("boss", new[] { "mine", "teammate's", "in DACH", "in Bavaria", "elsewhere" })]
    public async Task VisibleTo_EachScope_SeesExactlyItsRecords_InQueriesAndInMemory(string viewer, string[] expected)
    {
        await using var host = await SalesHost.CreateAsync();
        long emea, dach, bavaria, nordics, team;
        await using (var db = await host.OpenAsync())
        {
            var root = new Region { Name = "EMEA" };
            db.Regions.Add(root);
            await db.SaveChangesAsync();
            var dachRegion = new Region { Name = "DACH", ParentId = root.Id };
            var nordicRegion = new Region { Name = "Nordics", ParentId = root.Id };
            db.Regions.AddRange(dachRegion, nordicRegion);
            await db.SaveChangesAsync();
            var bavariaRegion = new Region { Name = "Bavaria", ParentId = dachRegion.Id };
            var salesTeam = new Team { Name = "Field sales" };
            db.Regions.Add(bavariaRegion);
            db.Teams.Add(salesTeam);
            await db.SaveChangesAsync();
            (emea, dach, bavaria, nordics, team) = (root.Id, dachRegion.Id, bavariaRegion.Id, nordicRegion.Id, salesTeam.Id);
        }

        var me = await host.AddUserAsync("me", scope: ViewerScope(viewer), teamId: team, regionIds: dach);
        var mate = await host.AddUserAsync("mate", teamId: team);
        var other = await host.AddUserAsync("other");
        await host.AddUserAsync("boss", SalesRole.Manager, RecordScope.All);
        await using (var db = await host.OpenAsync())
        {
            db.Leads.AddRange(
                new Lead { Name = "mine", OwnerId = me.Id, RegionId = nordics },
                new Lead { Name = "teammate's", OwnerId = mate.Id, RegionId = nordics },
                new Lead { Name = "in DACH", OwnerId = other.Id, RegionId = dach },
                new Lead { Name = "in Bavaria", OwnerId = other.Id, RegionId = bavaria },
                new Lead { Name = "elsewhere", OwnerId = other.Id, RegionId = emea });
            await db.SaveChangesAsync();
        }

        var principal = await host.PrincipalAsync(viewer == "boss" ? "boss" : "me");
        await using var read = await host.OpenAsync();
        var visible = await read.Leads.VisibleTo(principal).OrderBy(l => l.Id).Select(l => l.Name).ToListAsync();
        var covered = (await read.Leads.OrderBy(l => l.Id).ToListAsync()).Where(l => principal.Covers(l.OwnerId, l.RegionId)).Select(l => l.Name);

        Assert.Equal(expected, visible);
        Assert.Equal(expected, covered);
    }

    private static RecordScope ViewerScope(string viewer) => viewer switch
    {
        "teammate" => RecordScope.Team,
        "regional" => RecordScope.Region,
        _ => RecordScope.Own,
    };
}
