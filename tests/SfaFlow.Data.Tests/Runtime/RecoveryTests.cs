using SfaFlow.Data.Tests.Support;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Instances;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Data.Tests.Runtime;

/// <summary>A runtime that dies mid-run leaves an expired lease; recovery continues the instance from its last commit.</summary>
public sealed class RecoveryTests
{
    [Fact]
    public async Task Recover_ResumeInterruptedByACrash_IsDoneOnce()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await host.PublishAsync(Json([Event("wait", "Go"), WriteLineJs("say", "'after ' + getOutputFrom('wait').n")], [Connect("wait", "say")]));
        var waiting = await host.Runtime.StartAsync("test", new StartRequest());

        // A runtime took the lease to resume the bookmark, then died before committing.
        var dead = new Lease("dead-runtime", host.Clock.GetUtcNow().AddSeconds(30));
        var claim = await host.Instances.TryClaimAsync(waiting.Id, dead, new RuntimeStimulus(RuntimeStimulus.Resume, waiting.Bookmarks[0].Id, new Dictionary<string, object?> { ["n"] = 1 }));
        Assert.Equal(ClaimStatus.Claimed, claim.Status);
        Assert.Equal(0, await host.Runtime.RecoverAsync());

        host.Clock.Advance(TimeSpan.FromSeconds(31));
        var recovered = await host.Runtime.RecoverAsync();

        Assert.Equal(1, recovered);
        Assert.Equal(["after 1"], host.Lines.Lines);
        var stored = await host.Instances.FindAsync(waiting.Id);
        Assert.Equal(WorkflowSubStatus.Finished, stored!.Instance.SubStatus);
        Assert.Null(stored.Lease);
        Assert.Equal(0, await host.Runtime.RecoverAsync());
    }

    [Fact]
    public async Task Recover_AfterACheckpoint_ContinuesWithoutRepeatingCommittedActivities()
    {
        await using var host = await RuntimeHost.CreateAsync(o => o.CommitStrategy = CommitStrategy.PerActivity);
        var definition = (await host.PublishAsync(Json(
            [WriteLine("a", "a"), WriteLine("b", "b"), WriteLine("c", "c")],
            [Connect("a", "b"), Connect("b", "c")]))).ToDefinition();

        // Capture what a runtime committed after activity 'a', as if it died right after that checkpoint.
        string? snapshot = null;
        await host.Get<WorkflowEngine>().StartAsync(definition, new StartWorkflowOptions { InstanceId = "crashed" }, (instance, _) =>
        {
            if (snapshot is null && instance.Journal.Any(j => j.ActivityId == "a" && j.Status == ActivityStatus.Completed))
            {
                snapshot = WorkflowInstanceSerializer.Serialize(instance);
            }

            return ValueTask.CompletedTask;
        });
        var committed = WorkflowInstanceSerializer.Deserialize(snapshot!);
        Assert.True(await host.Instances.InsertAsync(committed, new Lease("dead-runtime", host.Clock.GetUtcNow().AddSeconds(5)), occurrence: null));
        var before = host.Lines.Lines.Count;

        host.Clock.Advance(TimeSpan.FromSeconds(6));
        await host.Runtime.RecoverAsync();

        Assert.Equal(["b", "c"], host.Lines.Lines.Skip(before));
        var finished = (await host.Instances.FindAsync("crashed"))!.Instance;
        Assert.Equal(WorkflowSubStatus.Finished, finished.SubStatus);
        Assert.Equal(["flowchart1", "a", "b", "c"], finished.Journal.Select(j => j.ActivityId));
        Assert.Equal(finished.Journal.Count, finished.Journal.Select(j => j.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task CommitPerActivity_RunsToTheEndAndLeavesNoLease()
    {
        await using var host = await RuntimeHost.CreateAsync(o => o.CommitStrategy = CommitStrategy.PerActivity);
        await host.PublishAsync(Json([WriteLine("a", "a"), Delay("wait", "00:01:00"), WriteLine("b", "b")], [Connect("a", "wait"), Connect("wait", "b")]));

        var started = await host.Runtime.StartAsync("test", new StartRequest());
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.Scheduler.TickAsync();

        var stored = (await host.Instances.FindAsync(started.Id))!;
        Assert.Equal(WorkflowSubStatus.Finished, stored.Instance.SubStatus);
        Assert.Null(stored.Lease);
        Assert.Empty(stored.Instance.PendingWork);
        Assert.Equal(["a", "b"], host.Lines.Lines);
    }
}
