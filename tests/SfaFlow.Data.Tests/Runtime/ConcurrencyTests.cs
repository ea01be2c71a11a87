using SfaFlow.Data.Tests.Support;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Data.Tests.Runtime;

/// <summary>Exactly once: concurrent resumes of one bookmark, and cron occurrences seen by two runtimes on one database.</summary>
public sealed class ConcurrencyTests
{
    [Fact(Timeout = 300_000)]
    public async Task Resume_OneThousandConcurrentPairsOnTheSameBookmark_ExactlyOneWinnerEach()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await host.PublishAsync(Json([Event("wait", "Go"), WriteLineJs("say", "getWorkflowInstanceId()")], [Connect("wait", "say")]));
        var instances = new List<WorkflowInstance>();
        for (var i = 0; i < 1000; i++)
        {
            instances.Add(await host.Runtime.StartAsync("test", new StartRequest()));
        }

        var results = await Task.WhenAll(instances.Select(instance => Task.Run(async () =>
        {
            var bookmark = instance.Bookmarks[0].Id;
            var pair = await Task.WhenAll(Task.Run(() => host.Runtime.ResumeAsync(bookmark)), Task.Run(() => host.Runtime.ResumeAsync(bookmark)));
            return (instance.Id, pair);
        })));

        Assert.All(results, result => Assert.Equal(
            [ResumeStatus.Resumed, ResumeStatus.AlreadyConsumed],
            result.pair.Select(r => r.Status).Order()));
        Assert.Equal(instances.Select(i => i.Id).Order(), host.Lines.Lines.Order());
        Assert.Empty(await host.Instances.FindBookmarksAsync("Elsa.Event", "Go", null));
    }

    [Theory(Timeout = 300_000)]
    [InlineData(CommitStrategy.OnSuspend)]
    [InlineData(CommitStrategy.PerActivity)]
    public async Task Cron_TwoRuntimesOnOneDatabase_StartOneInstancePerOccurrence(CommitStrategy strategy)
    {
        await using var first = await RuntimeHost.CreateAsync(o => o.CommitStrategy = strategy);
        await first.PublishAsync(Json([Activity("cron", "Elsa.Cron", new() { ["cronExpression"] = Literal("* * * * * *") }, canStartWorkflow: true), WriteLine("say", "tick")],
            [Connect("cron", "say")]));
        await using var second = first.ShareDatabase(o => o.CommitStrategy = strategy);

        // Both runtimes see the same 60 seconds go by, polling concurrently every 100 ms of fake time.
        for (var step = 0; step < 600; step++)
        {
            first.Clock.Advance(TimeSpan.FromMilliseconds(100));
            second.Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAll(Task.Run(() => first.Scheduler.TickAsync()), Task.Run(() => second.Scheduler.TickAsync()));
        }

        var started = await first.Instances.ListAsync(new SfaFlow.Workflows.Runtime.Instances.InstanceQuery(PageSize: 1000));
        Assert.Equal(60, started.Total);
        Assert.Equal(60, first.Lines.Lines.Count + second.Lines.Lines.Count);
        Assert.True(first.Lines.Lines.Count > 0 && second.Lines.Lines.Count > 0, $"both runtimes should have fired some ({first.Lines.Lines.Count}, {second.Lines.Lines.Count})");
        Assert.All(started.Items, i => Assert.Equal(WorkflowSubStatus.Finished, i.SubStatus));
    }

    [Fact(Timeout = 300_000)]
    public async Task Timers_TwoRuntimesOnOneDatabase_FireEachOnce()
    {
        await using var first = await RuntimeHost.CreateAsync();
        await first.PublishAsync(Json([Delay("wait", "00:00:01"), WriteLineJs("say", "getWorkflowInstanceId()")], [Connect("wait", "say")]));
        await using var second = first.ShareDatabase();
        var ids = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            ids.Add((await first.Runtime.StartAsync("test", new StartRequest())).Id);
        }

        first.Clock.Advance(TimeSpan.FromSeconds(2));
        second.Clock.Advance(TimeSpan.FromSeconds(2));
        await Task.WhenAll(Task.Run(() => first.Scheduler.TickAsync()), Task.Run(() => second.Scheduler.TickAsync()));

        Assert.Equal(ids.Order(), first.Lines.Lines.Concat(second.Lines.Lines).Order());
    }
}
