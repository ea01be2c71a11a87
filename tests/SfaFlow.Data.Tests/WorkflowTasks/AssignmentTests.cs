using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Activities;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Definitions;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Data.Tests.WorkflowTasks;

/// <summary>Who gets a workflow's task or record: round-robin (durable across restarts), fewest open tasks, idempotent creation.</summary>
public sealed class AssignmentTests
{
    [Fact]
    public async Task RoundRobin_TakesTurns_AndKeepsItsPlaceAcrossARestart()
    {
        await using var host = await SalesWorkflowHost.CreateAsync();
        var owner = await host.AddUserAsync("owner", SfaFlow.Sales.Organization.SalesRole.Manager);
        long[] reps = [(await host.AddUserAsync("a")).Id, (await host.AddUserAsync("b")).Id, (await host.AddUserAsync("c")).Id];
        await host.PublishAsync(TaskFlows.CallBack(new JsonObject { ["assignBy"] = Literal("RoundRobin") }));

        var assigned = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            assigned.Add(await StartForNewLeadAsync(host, owner.Id));
        }

        await using var restarted = host.Restart();
        for (var i = 0; i < 2; i++)
        {
            assigned.Add(await StartForNewLeadAsync(restarted, owner.Id));
        }

        Assert.Equal([reps[0], reps[1], reps[2], reps[0], reps[1], reps[2]], assigned);
    }

    [Fact]
    public async Task LeastOpenTasks_PicksTheRepWithFewestPlannedTasks()
    {
        await using var host = await SalesWorkflowHost.CreateAsync();
        var busy = await host.AddUserAsync("busy");
        var free = await host.AddUserAsync("free");
        var some = await host.AddUserAsync("some");
        var lead = await host.AddLeadAsync(busy.Id);
        var service = host.Get<SalesActivityService>();
        var by = SfaFlow.Sales.Security.SalesPrincipal.ForWorkflow("seed");
        foreach (var owner in new[] { busy.Id, busy.Id, some.Id })
        {
            await service.PlanAsync(new ActivityFields { Kind = ActivityKind.Task, Subject = "Old", LeadId = lead.Id, OwnerId = owner }, by);
        }

        // A completed task is not open work.
        var done = await service.PlanAsync(new ActivityFields { Kind = ActivityKind.Task, Subject = "Done", LeadId = lead.Id, OwnerId = free.Id }, by);
        await service.CompleteAsync(done.Id, new ActivityOutcome("Done"), null, by);
        await host.PublishAsync(TaskFlows.CallBack(new JsonObject { ["assignBy"] = Literal("LeastOpenTasks") }));

        Assert.Equal(free.Id, await StartForNewLeadAsync(host, busy.Id));
    }

    [Fact]
    public async Task SameExecutionRunTwice_CreatesOneTask()
    {
        await using var host = await SalesWorkflowHost.CreateAsync();
        var rep = await host.AddUserAsync("rep");
        await host.AddUserAsync("other");
        var lead = await host.AddLeadAsync(rep.Id);
        var definition = (await host.PublishAsync(TaskFlows.CallBack(new JsonObject { ["assignBy"] = Literal("RoundRobin") }))).ToDefinition();

        // The step runs and creates its task, then the process dies before the instance is saved; the runtime runs the
        // same execution again (same instance, activity execution and attempt, so the same idempotency key).
        var options = new StartWorkflowOptions { InstanceId = "crashed", CorrelationId = $"lead:{lead.Id}" };
        var firstRun = await host.Get<WorkflowEngine>().StartAsync(definition, options);
        var secondRun = await host.Get<WorkflowEngine>().StartAsync(definition, options);

        await using var db = await host.OpenAsync();
        var task = await db.Activities.SingleAsync();
        Assert.Equal(rep.Id, task.OwnerId);
        Assert.Equal(secondRun.Bookmarks.Single(b => b.Name == "Sfa.Task").Id, task.WorkflowBookmarkId);
        Assert.NotEqual(firstRun.Bookmarks.Single(b => b.Name == "Sfa.Task").Id, task.WorkflowBookmarkId);
        Assert.Equal(rep.Id, (await db.AssignmentCursors.SingleAsync()).LastUserId);
    }

    [Fact]
    public async Task RoundRobinTurnsTakenAtOnce_AreEachTakenOnce_InTurn()
    {
        await using var host = await SalesHost.CreateAsync();
        var owner = await host.AddUserAsync("owner", SfaFlow.Sales.Organization.SalesRole.Manager);
        long[] reps = [(await host.AddUserAsync("a")).Id, (await host.AddUserAsync("b")).Id, (await host.AddUserAsync("c")).Id];
        var definition = ElsaJsonReader.Read(TaskFlows.CallBack(new JsonObject { ["assignBy"] = Literal("RoundRobin") })).GetDefinitionOrThrow();
        await host.Get<WorkflowDefinitionManager>().ImportAsync(definition, publish: true);
        var runtime = host.Get<WorkflowRuntime>();
        var leads = new List<long>();
        for (var i = 0; i < 9; i++)
        {
            leads.Add(await AddLeadAsync(host, owner.Id));
        }

        // Nine runs take a turn on the same pool at once. Each step's effect (reading the cursor, moving it, planning the
        // task) is one write transaction, so they take their turns one after another: none twice, none skipped.
        var runs = await Task.WhenAll(leads.Select(lead => Task.Run(() => runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{lead}" }))));

        Assert.All(runs, run => Assert.Empty(run.Incidents));
        var owners = new List<long>();
        foreach (var lead in leads)
        {
            owners.Add(Assert.Single(await TaskOwnersAsync(host, lead)));
        }

        Assert.All(reps, rep => Assert.Equal(3, owners.Count(o => o == rep)));
        await using var db = await host.OpenAsync();
        var tasksInTurn = await db.Activities.Where(a => a.LeadId != null && leads.Contains(a.LeadId.Value)).OrderBy(a => a.Id).Select(a => a.OwnerId).ToListAsync();
        Assert.Equal([.. Enumerable.Range(0, 9).Select(i => reps[i % 3])], tasksInTurn);
        Assert.Equal(tasksInTurn[^1], (await db.AssignmentCursors.SingleAsync()).LastUserId);
    }

    private static async Task<long> AddLeadAsync(SalesHost host, long ownerId)
    {
        await using var db = await host.OpenAsync();
        var lead = new SfaFlow.Sales.Leads.Lead { Name = "Lead", OwnerId = ownerId };
        db.Leads.Add(lead);
        await db.SaveChangesAsync();
        return lead.Id;
    }

    private static async Task<List<long>> TaskOwnersAsync(SalesHost host, long leadId)
    {
        await using var db = await host.OpenAsync();
        return await db.Activities.Where(a => a.LeadId == leadId).Select(a => a.OwnerId).ToListAsync();
    }

    private static async Task<long> StartForNewLeadAsync(SalesWorkflowHost host, long leadOwner)
    {
        var lead = await host.AddLeadAsync(leadOwner);
        await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = $"lead:{lead.Id}" });
        await using var db = await host.OpenAsync();
        return await db.Activities.Where(a => a.LeadId == lead.Id).Select(a => a.OwnerId).SingleAsync();
    }
}
