using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Instances;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Data.Tests.Runtime;

/// <summary>
/// A runaway instance is stopped, committed and visible: its budget ends a loop as Faulted, a long burst is listed and
/// cancellable while it runs, an over-large state is cut down, and an instance that keeps taking its host down is parked.
/// </summary>
public sealed class RunawayTests
{
    /// <summary>Started by the event "Go": Elsa.SetVariable connected back to itself, the workflow the issue was found with.</summary>
    private static string SelfLoop(string eventName = "Go") => Json(
        [Activity("go", "Elsa.Event", new JsonObject { ["eventName"] = Literal(eventName) }, canStartWorkflow: true),
         SetVariable("spin", "n", Js("(getVariable('n') ?? 0) + 1"))],
        [Connect("go", "spin"), Connect("spin", "spin")],
        [Variable("n", "Object")]);

    [Fact]
    public async Task Dispatch_OfAnEventStartingALoop_CommitsTheInstanceFaultedWithAnIncident_AndItIsListed()
    {
        await using var host = await RuntimeHost.CreateAsync(services: s => s.Configure<WorkflowEngineOptions>(o => o.MaxActivitiesPerBurst = 500));
        await host.PublishAsync(SelfLoop());

        var result = await host.Runtime.DispatchEventAsync("Go", "lead:1", null, eventId: "e1");

        var started = Assert.Single(result.Started);
        var stored = (await host.Instances.FindAsync(started.Id))!;
        Assert.Equal(WorkflowSubStatus.Faulted, stored.Instance.SubStatus);
        Assert.Equal(IncidentKinds.BurstBudget, Assert.Single(stored.Instance.Incidents).Kind);
        Assert.Null(stored.Lease);
        var listed = await host.Instances.ListAsync(new InstanceQuery(DefinitionId: "test"));
        Assert.Equal(1, Assert.Single(listed.Items).IncidentCount);

        // A repeat of the event starts nothing again: the faulted instance received it.
        Assert.Empty((await host.Runtime.DispatchEventAsync("Go", "lead:1", null, eventId: "e1")).Started);
    }

    [Fact]
    public async Task ALongBurst_IsCommittedWhileItRuns_AndCancelStopsIt()
    {
        await using var host = await RuntimeHost.CreateAsync(
            runtime: o => o.LongBurstCheckpoint = TimeSpan.FromMilliseconds(50),
            services: s => s.Configure<WorkflowEngineOptions>(o =>
            {
                o.MaxActivitiesPerBurst = int.MaxValue;
                o.MaxBurstDuration = TimeSpan.FromMinutes(10);
            }));
        await host.PublishAsync(SelfLoop());

        var dispatch = Task.Run(() => host.Runtime.DispatchEventAsync("Go", "lead:1", null, eventId: "e1"));
        var running = await Eventually.GetAsync(async () =>
            (await host.Instances.ListAsync(new InstanceQuery(DefinitionId: "test"))).Items.SingleOrDefault());
        Assert.Equal(WorkflowStatus.Running, running.Status);

        var cancelled = await host.Runtime.CancelAsync(running.Id);

        Assert.Equal(WorkflowSubStatus.Cancelled, cancelled.SubStatus);
        var result = await dispatch.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(WorkflowSubStatus.Cancelled, Assert.Single(result.Started).SubStatus);
        var stored = (await host.Instances.FindAsync(running.Id))!;
        Assert.Equal(WorkflowSubStatus.Cancelled, stored.Instance.SubStatus);
        Assert.Null(stored.Lease);
    }

    [Fact]
    public async Task AStateOverItsCap_IsStoredFaulted_WithItsLargestPartDropped()
    {
        await using var host = await RuntimeHost.CreateAsync(runtime: o => o.MaxStateBytes = 64 * 1024);
        await host.PublishAsync(Json(
            [SetVariable("fill", "big", Js("'x'.repeat(200000)")), Event("wait", "Later")],
            [Connect("fill", "wait")],
            [Variable("big", "String")]));

        var instance = await host.Runtime.StartAsync("test", new StartRequest());

        var stored = (await host.Instances.FindAsync(instance.Id))!.Instance;
        Assert.Equal(WorkflowSubStatus.Faulted, stored.SubStatus);
        var incident = Assert.Single(stored.Incidents);
        Assert.Equal(IncidentKinds.StateLimit, incident.Kind);
        Assert.Contains("variable 'big' 0.2 MB", incident.Message, StringComparison.Ordinal);
        Assert.StartsWith("[dropped:", (string)stored.Variables["big"]!, StringComparison.Ordinal);
        Assert.Empty(stored.Bookmarks);
        Assert.True(stored.IsParked);
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Runtime.RetryAsync(instance.Id));
    }

    [Fact]
    public async Task AnInstanceWhoseRunsKeepDyingWithTheirHost_IsParkedByRecovery()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await host.PublishAsync(Json([Event("wait", "Go"), WriteLine("after", "after")], [Connect("wait", "after")]));
        var waiting = await host.Runtime.StartAsync("test", new StartRequest());
        var resume = new RuntimeStimulus(RuntimeStimulus.Resume, waiting.Bookmarks[0].Id, null);

        // Three runtimes took it up to resume it and died with it (as a step that kills the host would make them).
        for (var crash = 0; crash < 3; crash++)
        {
            var claim = await host.Instances.TryClaimAsync(waiting.Id, new Lease($"dead-{crash}", host.Clock.GetUtcNow().AddSeconds(30)), resume);
            Assert.Equal(ClaimStatus.Claimed, claim.Status);
            Assert.Equal(crash + 1, claim.Stored!.RunAttempts);
            host.Clock.Advance(TimeSpan.FromSeconds(31));
        }

        Assert.Equal(1, await host.Runtime.RecoverAsync());

        var stored = (await host.Instances.FindAsync(waiting.Id))!;
        Assert.Empty(host.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Faulted, stored.Instance.SubStatus);
        Assert.Contains("the host stopped 3 times in a row", Assert.Single(stored.Instance.Incidents, i => i.Kind == IncidentKinds.Parked).Message, StringComparison.Ordinal);
        Assert.Empty(stored.Instance.Bookmarks);
        Assert.Null(stored.Lease);
        Assert.Equal(0, stored.RunAttempts);
        Assert.Empty(await host.Instances.FindBookmarksAsync("Elsa.Event", "Go", null));
    }

    [Fact]
    public async Task ARunThatEnds_ResetsItsRunAttempts()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await host.PublishAsync(Json([Event("wait", "Go"), Event("again", "Go")], [Connect("wait", "again")]));
        var waiting = await host.Runtime.StartAsync("test", new StartRequest());

        // One dead runtime, then a normal resume: the counter starts again from zero.
        await host.Instances.TryClaimAsync(waiting.Id, new Lease("dead", host.Clock.GetUtcNow().AddSeconds(30)), null);
        host.Clock.Advance(TimeSpan.FromSeconds(31));
        await host.Runtime.DispatchEventAsync("Go", null, null);

        var stored = (await host.Instances.FindAsync(waiting.Id))!;
        Assert.Equal(0, stored.RunAttempts);
        Assert.Equal(WorkflowSubStatus.Suspended, stored.Instance.SubStatus);
    }
}
