using SfaFlow.Data.Tests.Support;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using static SfaFlow.Data.Tests.Outbox.SalesEvents;

namespace SfaFlow.Data.Tests.Outbox;

/// <summary>
/// The runtime's half of "exactly once per event": dispatched with its id, an event starts and resumes each instance once,
/// however often it is delivered and by how many runtimes, under both commit strategies.
/// </summary>
public sealed class EventIdDispatchTests
{
    [Theory]
    [InlineData(CommitStrategy.OnSuspend)]
    [InlineData(CommitStrategy.PerActivity)]
    public async Task DispatchEvent_SameEventIdTwice_StartsAndResumesOnce(CommitStrategy strategy)
    {
        await using var host = await RuntimeHost.CreateAsync(o => o.CommitStrategy = strategy);
        await PublishAllAsync(host);
        var waiting = await host.Runtime.StartAsync(StageLoop, new StartRequest { CorrelationId = "opp:7" });
        var created = LeadCreated(host, "Ada", 1);
        var changed = StageChanged(host, "opp:7", "Proposal");

        var first = (await DeliverAsync(host, created), await DeliverAsync(host, changed));
        var again = (await DeliverAsync(host, created), await DeliverAsync(host, changed));

        Assert.Single(first.Item1.Started);
        Assert.Equal(waiting.Id, Assert.Single(first.Item2.Resumed).Id);
        Assert.Empty(again.Item1.Started.Concat(again.Item2.Started).Concat(again.Item1.Resumed).Concat(again.Item2.Resumed));
        Assert.Equal(["started Ada lead:1", $"stage {waiting.Id} Proposal"], host.Lines.Lines);
        var started = Assert.Single(await InstancesAsync(host, OnLead));
        Assert.Equal(1, Completions(started, "say"));

        // The loop waits on StageChanged again, at a new bookmark: the repeat found the receipt, not a bookmark to resume.
        var looped = (await host.Instances.FindAsync(waiting.Id))!.Instance;
        Assert.Equal(1, Completions(looped, "say"));
        Assert.Single(looped.Bookmarks);
        Assert.True(await host.Instances.HasReceivedAsync(changed.Id, waiting.Id));
        Assert.True(await host.Instances.HasReceivedAsync(created.Id, started.Id));
    }

    [Fact]
    public async Task DispatchEvent_AnotherEventId_ResumesTheLoopAgain()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await PublishAllAsync(host);
        var waiting = await host.Runtime.StartAsync(StageLoop, new StartRequest { CorrelationId = "opp:7" });

        await DeliverAsync(host, StageChanged(host, "opp:7", "Proposal"));
        await DeliverAsync(host, StageChanged(host, "opp:7", "Negotiation"));

        Assert.Equal([$"stage {waiting.Id} Proposal", $"stage {waiting.Id} Negotiation"], host.Lines.Lines);
    }

    [Fact]
    public async Task DispatchEvent_WithoutAnEventId_StartsAgainEachTime()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await PublishAllAsync(host);
        var payload = new Dictionary<string, object?> { ["name"] = "Ada" };

        await host.Runtime.DispatchEventAsync("LeadCreated", "lead:1", payload);
        await host.Runtime.DispatchEventAsync("LeadCreated", "lead:1", payload);

        Assert.Equal(2, (await InstancesAsync(host, OnLead)).Count);
    }

    [Theory]
    [InlineData(CommitStrategy.OnSuspend)]
    [InlineData(CommitStrategy.PerActivity)]
    public async Task DispatchEvent_InstanceWaitingAtTwoActivities_ResumesBothOnce(CommitStrategy strategy)
    {
        await using var host = await RuntimeHost.CreateAsync(o => o.CommitStrategy = strategy);
        await PublishAllAsync(host);
        var waiting = await host.Runtime.StartAsync(TwoWaits, new StartRequest { CorrelationId = "opp:9" });
        Assert.Equal(2, waiting.Bookmarks.Count);
        var changed = StageChanged(host, "opp:9", "Won");

        var first = await DeliverAsync(host, changed);
        var again = await DeliverAsync(host, changed);

        Assert.Equal(waiting.Id, Assert.Single(first.Resumed).Id);
        Assert.Empty(again.Resumed);
        Assert.Equal(["first", "second"], host.Lines.Lines);
        var finished = (await host.Instances.FindAsync(waiting.Id))!.Instance;
        Assert.Equal(WorkflowSubStatus.Finished, finished.SubStatus);
        Assert.Equal((1, 1), (Completions(finished, "sayFirst"), Completions(finished, "saySecond")));
    }

    [Theory]
    [InlineData(CommitStrategy.OnSuspend)]
    [InlineData(CommitStrategy.PerActivity)]
    public async Task DispatchEvent_SameEventsOnTwoRuntimesAtOnce_EachInstanceReceivesEachOnce(CommitStrategy strategy)
    {
        await using var first = await RuntimeHost.CreateAsync(o => o.CommitStrategy = strategy);
        await PublishAllAsync(first);
        await using var second = first.ShareDatabase(o => o.CommitStrategy = strategy);
        var loops = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            loops.Add((await first.Runtime.StartAsync(StageLoop, new StartRequest { CorrelationId = $"opp:{i}" })).Id);
        }

        var events = Enumerable.Range(0, 20)
            .SelectMany(i => new[] { LeadCreated(first, $"Lead {i}", i), StageChanged(first, $"opp:{i}", "Proposal") })
            .ToList();

        // Every event is delivered by both runtimes at the same moment: two processes that both believe they own it.
        await Task.WhenAll(events.SelectMany(e => new[] { Task.Run(() => DeliverAsync(first, e)), Task.Run(() => DeliverAsync(second, e)) }));

        var started = await InstancesAsync(first, OnLead);
        Assert.Equal(20, started.Count);
        Assert.All(started, instance => Assert.Equal(1, Completions(instance, "say")));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"lead:{i}").Order(), started.Select(i => i.CorrelationId).Order());
        foreach (var id in loops)
        {
            Assert.Equal(1, Completions((await first.Instances.FindAsync(id))!.Instance, "say"));
        }

        // Resumes run under the instance's lease, so not even their uncommitted side effects repeat.
        var resumedLines = first.Lines.Lines.Concat(second.Lines.Lines).Where(line => line.StartsWith("stage ", StringComparison.Ordinal));
        Assert.Equal(loops.Select(id => $"stage {id} Proposal").Order(), resumedLines.Order());
    }
}
