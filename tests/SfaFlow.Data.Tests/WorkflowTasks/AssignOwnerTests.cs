using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Security;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Runtime;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Data.Tests.WorkflowTasks;

/// <summary>
/// Sfa.AssignOwner in published workflows: round-robin over a team, region rules up the tree, a role in the region or
/// above, a user by name; the owner change is audited to the workflow instance. And Sfa.CreateTask with RoleInRegion and User.
/// </summary>
public sealed class AssignOwnerTests
{
    [Fact]
    public async Task RoundRobin_OverATeamsReps_GivesLeadsToThemInTurn()
    {
        await using var host = await SalesWorkflowHost.CreateAsync();
        var owner = await host.AddUserAsync("owner", SalesRole.Manager);
        var team = await AddTeamAsync(host, "Hunters");
        var anna = await host.AddUserAsync("anna");
        await host.AddUserAsync("outsider");
        var ben = await host.AddUserAsync("ben");
        var teamManager = await host.AddUserAsync("boss", SalesRole.Manager);
        var gone = await host.AddUserAsync("gone");
        await JoinAsync(host, team, anna.Id, ben.Id, teamManager.Id, gone.Id);
        await ChangeUserAsync(host, gone.Id, u => u.IsActive = false);
        await host.PublishAsync(AssignFlow(new JsonObject { ["assignBy"] = Literal("RoundRobin"), ["teamId"] = Literal(Text(team), "Int64") }));

        var owners = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var lead = await host.AddLeadAsync(owner.Id);
            await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{lead.Id}" });
            owners.Add(await LeadOwnerAsync(host, lead.Id));
        }

        Assert.Equal([anna.Id, ben.Id, anna.Id], owners);
        Assert.Equal([$"owner {anna.Id} was {owner.Id}", $"owner {ben.Id} was {owner.Id}", $"owner {anna.Id} was {owner.Id}"], host.Lines.Lines);
    }

    [Fact]
    public async Task RegionRule_PicksByTheLeadsRegion_FallsBackUpTheTree_AndIsAnIncidentWithoutARule()
    {
        await using var host = await SalesWorkflowHost.CreateAsync();
        var owner = await host.AddUserAsync("owner", SalesRole.Manager);
        var anna = await host.AddUserAsync("anna");
        var ben = await host.AddUserAsync("ben");
        var dach = await AddRegionAsync(host, "DACH");
        var bavaria = await AddRegionAsync(host, "Bavaria", await AddRegionAsync(host, "Germany", dach));
        var austria = await AddRegionAsync(host, "Austria", dach);
        var france = await AddRegionAsync(host, "France");
        await host.PublishAsync(AssignFlow(new JsonObject
        {
            ["assignBy"] = Literal("RegionRule"),
            ["regionRules"] = ObjectJson($$"""{"bavaria": "anna", "DACH": "{{ben.Id}}"}"""),
        }));

        var inBavaria = await host.AddLeadAsync(owner.Id, bavaria);
        var inAustria = await host.AddLeadAsync(owner.Id, austria);
        var inFrance = await host.AddLeadAsync(owner.Id, france);
        var nowhere = await host.AddLeadAsync(owner.Id);
        await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{inBavaria.Id}" });
        await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{inAustria.Id}" });
        var french = await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{inFrance.Id}" });
        var unplaced = await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{nowhere.Id}" });

        Assert.Equal(anna.Id, await LeadOwnerAsync(host, inBavaria.Id));
        Assert.Equal(ben.Id, await LeadOwnerAsync(host, inAustria.Id));
        Assert.Contains("No region rule", Assert.Single(french.Incidents).Message, StringComparison.Ordinal);
        Assert.Contains("No region rule", Assert.Single(unplaced.Incidents).Message, StringComparison.Ordinal);
        Assert.Equal(owner.Id, await LeadOwnerAsync(host, inFrance.Id));
        Assert.Equal(owner.Id, await LeadOwnerAsync(host, nowhere.Id));
    }

    [Fact]
    public async Task RoleInRegion_TakesTheRegionsUser_ElseWalksUpTheTree()
    {
        await using var host = await SalesWorkflowHost.CreateAsync();
        var owner = await host.AddUserAsync("owner", SalesRole.Admin);
        var dach = await AddRegionAsync(host, "DACH");
        var germany = await AddRegionAsync(host, "Germany", dach);
        var bavaria = await AddRegionAsync(host, "Bavaria", germany);
        var inactive = await host.AddUserAsync("retired", SalesRole.Manager, bavaria);
        await ChangeUserAsync(host, inactive.Id, u => u.IsActive = false);
        await host.AddUserAsync("bavarian-rep", SalesRole.Rep, bavaria);
        var dachManager = await host.AddUserAsync("dach-manager", SalesRole.Manager, dach);
        await host.AddUserAsync("second-dach-manager", SalesRole.Manager, dach);
        var germanManager = await host.AddUserAsync("german-manager", SalesRole.Manager, germany, dach);
        await host.PublishAsync(AssignFlow(new JsonObject { ["assignBy"] = Literal("RoleInRegion"), ["role"] = Literal("Manager") }));

        var bavarian = await host.AddLeadAsync(owner.Id, bavaria);
        var fromDach = await host.AddLeadAsync(owner.Id, dach);
        await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{bavarian.Id}" });
        await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{fromDach.Id}" });

        // Bavaria has only an inactive manager (and a rep): Germany's manager is the nearest above.
        Assert.Equal(germanManager.Id, await LeadOwnerAsync(host, bavarian.Id));
        // In DACH itself, the lowest id of its managers.
        Assert.Equal(dachManager.Id, await LeadOwnerAsync(host, fromDach.Id));
    }

    [Fact]
    public async Task User_ByName_BecomesTheOwner_AuditedToTheWorkflowInstance_AndAnInactiveUserIsAnIncident()
    {
        await using var host = await SalesWorkflowHost.CreateAsync();
        var owner = await host.AddUserAsync("owner");
        var carol = await host.AddUserAsync("carol");
        var gone = await host.AddUserAsync("gone");
        await ChangeUserAsync(host, gone.Id, u => u.IsActive = false);
        await host.PublishAsync(AssignFlow(new JsonObject { ["assignBy"] = Literal("User"), ["user"] = Literal(" carol ") }));
        var lead = await host.AddLeadAsync(owner.Id);

        var instance = await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{lead.Id}" });

        Assert.Empty(instance.Incidents);
        Assert.Equal(carol.Id, await LeadOwnerAsync(host, lead.Id));
        await using var db = await host.OpenAsync();
        var change = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.RecordType == "Lead" && e.RecordId == lead.Id && e.Change == "Updated" && e.Field == "OwnerId");
        Assert.Equal((Text(owner.Id), Text(carol.Id), instance.Id, (long?)null), (change.OldValue, change.NewValue, change.ByWorkflowInstanceId, change.ByUserId));

        await host.PublishAsync(AssignFlow(new JsonObject { ["assignBy"] = Literal("User"), ["user"] = Literal("gone") }));
        var third = await host.AddLeadAsync(owner.Id);
        var refused = await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{third.Id}" });
        Assert.Contains("no active user 'gone'", Assert.Single(refused.Incidents).Message, StringComparison.Ordinal);
        Assert.Equal(owner.Id, await LeadOwnerAsync(host, third.Id));
    }

    [Fact]
    public async Task CreateTask_ByRoleInRegion_AndByUser_GoesToThatPerson()
    {
        await using var host = await SalesWorkflowHost.CreateAsync();
        var owner = await host.AddUserAsync("owner");
        var dach = await AddRegionAsync(host, "DACH");
        var bavaria = await AddRegionAsync(host, "Bavaria", dach);
        var dachManager = await host.AddUserAsync("dach-manager", SalesRole.Manager, dach);
        var dora = await host.AddUserAsync("dora");
        var lead = await host.AddLeadAsync(owner.Id, bavaria);

        await host.PublishAsync(TaskFlows.CallBack(new JsonObject { ["assignBy"] = Literal("RoleInRegion"), ["role"] = Literal("manager") }));
        await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{lead.Id}" });
        await host.PublishAsync(TaskFlows.CallBack(new JsonObject { ["assignBy"] = Literal("User"), ["user"] = Literal(Text(dora.Id)) }));
        await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{lead.Id}" });

        await using var db = await host.OpenAsync();
        var owners = await db.Activities.Where(a => a.LeadId == lead.Id).OrderBy(a => a.Id).Select(a => a.OwnerId).ToListAsync();
        Assert.Equal([dachManager.Id, dora.Id], owners);
        Assert.Equal(owner.Id, await LeadOwnerAsync(host, lead.Id));
    }

    [Fact]
    public async Task LeastOpenTasks_GivesTheRecordToTheRepWithFewestPlannedTasks()
    {
        await using var host = await SalesWorkflowHost.CreateAsync();
        var owner = await host.AddUserAsync("owner", SalesRole.Manager);
        var busy = await host.AddUserAsync("busy");
        var free = await host.AddUserAsync("free");
        await host.AddUserAsync("idle");
        var other = await host.AddLeadAsync(owner.Id);
        var tasks = host.Get<SalesActivityService>();
        var by = SalesPrincipal.ForWorkflow("seed");
        foreach (var assignee in new[] { busy.Id, busy.Id })
        {
            await tasks.PlanAsync(new ActivityFields { Kind = ActivityKind.Task, Subject = "Open", LeadId = other.Id, OwnerId = assignee }, by);
        }

        // Done tasks, and open activities that are not tasks, are no open work: "free" and "idle" tie, and the lower id wins.
        // The owner, a manager without tasks, is not in the pool of reps.
        var done = await tasks.PlanAsync(new ActivityFields { Kind = ActivityKind.Task, Subject = "Done", LeadId = other.Id, OwnerId = free.Id }, by);
        await tasks.CompleteAsync(done.Id, new ActivityOutcome("Done"), null, by);
        await tasks.PlanAsync(new ActivityFields { Kind = ActivityKind.Call, Subject = "Call", LeadId = other.Id, OwnerId = free.Id }, by);
        await host.PublishAsync(AssignFlow(new JsonObject { ["assignBy"] = Literal("LeastOpenTasks") }));
        var lead = await host.AddLeadAsync(owner.Id);

        var instance = await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{lead.Id}" });

        Assert.Empty(instance.Incidents);
        Assert.Equal(free.Id, await LeadOwnerAsync(host, lead.Id));
        Assert.Equal([$"owner {free.Id} was {owner.Id}"], host.Lines.Lines);
    }

    [Fact]
    public async Task RecordOwner_KeepsTheOwner_AndNotesItToTheWorkflowInstance()
    {
        await using var host = await SalesWorkflowHost.CreateAsync();
        var owner = await host.AddUserAsync("owner");
        await host.AddUserAsync("other");
        var lead = await host.AddLeadAsync(owner.Id);
        await host.PublishAsync(AssignFlow(new JsonObject { ["assignBy"] = Literal("RecordOwner") }));

        var instance = await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{lead.Id}" });

        Assert.Empty(instance.Incidents);
        Assert.Equal(owner.Id, await LeadOwnerAsync(host, lead.Id));
        Assert.Equal([$"owner {owner.Id} was {owner.Id}"], host.Lines.Lines);
        await using var db = await host.OpenAsync();
        var noted = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.RecordType == "Lead" && e.RecordId == lead.Id && e.Field == "OwnerId");
        Assert.Equal((Text(owner.Id), Text(owner.Id), instance.Id), (noted.OldValue, noted.NewValue, noted.ByWorkflowInstanceId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SameExecutionRunTwice_TakesOneRoundRobinTurn(bool leadAlreadyWithTheNextRep)
    {
        await using var host = await SalesWorkflowHost.CreateAsync();
        var manager = await host.AddUserAsync("manager", SalesRole.Manager);
        var anna = await host.AddUserAsync("anna");
        await host.AddUserAsync("ben");
        var lead = await host.AddLeadAsync(leadAlreadyWithTheNextRep ? anna.Id : manager.Id);
        var definition = (await host.PublishAsync(AssignFlow(new JsonObject { ["assignBy"] = Literal("RoundRobin") }))).ToDefinition();

        // The step saves the owner change (and the turn), then the process dies before the instance is saved; the runtime
        // runs the same execution again (same instance, activity execution and attempt).
        var options = new StartWorkflowOptions { InstanceId = "crashed", CorrelationId = $"lead:{lead.Id}" };
        await host.Get<WorkflowEngine>().StartAsync(definition, options);
        await host.Get<WorkflowEngine>().StartAsync(definition, options);

        Assert.Equal(anna.Id, await LeadOwnerAsync(host, lead.Id));
        await using var db = await host.OpenAsync();
        Assert.Equal(anna.Id, (await db.AssignmentCursors.SingleAsync()).LastUserId);
        var change = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.RecordType == "Lead" && e.RecordId == lead.Id && e.Field == "OwnerId");
        Assert.Equal((Text(leadAlreadyWithTheNextRep ? anna.Id : manager.Id), Text(anna.Id), "crashed"), (change.OldValue, change.NewValue, change.ByWorkflowInstanceId));
        var previous = leadAlreadyWithTheNextRep ? anna.Id : manager.Id;
        Assert.Equal([$"owner {anna.Id} was {previous}", $"owner {anna.Id} was {previous}"], host.Lines.Lines);
    }

    internal static string AssignFlow(JsonObject inputs) => Json(
        [Activity("assign", "Sfa.AssignOwner", inputs), WriteLineJs("said", "'owner ' + getOutputFrom('assign', 'ownerId') + ' was ' + getOutputFrom('assign', 'previousOwnerId')")],
        [Connect("assign", "said")]);

    internal static async Task<long> LeadOwnerAsync(SalesWorkflowHost host, long leadId)
    {
        await using var db = await host.OpenAsync();
        return await db.Leads.Where(l => l.Id == leadId).Select(l => l.OwnerId).SingleAsync();
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<long> AddRegionAsync(SalesWorkflowHost host, string name, long? parentId = null)
    {
        await using var db = await host.OpenAsync();
        var region = new Region { Name = name, ParentId = parentId };
        db.Regions.Add(region);
        await db.SaveChangesAsync();
        return region.Id;
    }

    private static async Task<long> AddTeamAsync(SalesWorkflowHost host, string name)
    {
        await using var db = await host.OpenAsync();
        var team = new Team { Name = name };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    }

    private static async Task JoinAsync(SalesWorkflowHost host, long teamId, params long[] userIds)
    {
        foreach (var id in userIds)
        {
            await ChangeUserAsync(host, id, u => u.TeamId = teamId);
        }
    }

    private static async Task ChangeUserAsync(SalesWorkflowHost host, long userId, Action<SalesUser> change)
    {
        await using var db = await host.OpenAsync();
        change(await db.Users.SingleAsync(u => u.Id == userId));
        await db.SaveChangesAsync();
    }
}
