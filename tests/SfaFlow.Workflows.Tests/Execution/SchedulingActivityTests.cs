using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Workflows.Tests.Execution;

/// <summary>Delay, Timer, StartAt and Cron: timer bookmarks with due times from the injected clock.</summary>
public sealed class SchedulingActivityTests
{
    [Fact]
    public async Task Delay_SuspendsWithATimerBookmarkDueAfterTheSpan_AndContinuesWhenResumed()
    {
        using var engine = new TestEngine();
        var definition = Definition([Start(), Delay("wait", "1.02:00:00"), WriteLine("after", "after")], [Connect("start", "wait"), Connect("wait", "after")]);

        var instance = await engine.StartAsync(definition);

        Assert.Equal((WorkflowStatus.Running, WorkflowSubStatus.Suspended), (instance.Status, instance.SubStatus));
        var bookmark = Assert.Single(instance.Bookmarks);
        Assert.Equal("Elsa.Delay", bookmark.Name);
        Assert.Equal(engine.Clock.GetUtcNow().AddHours(26), bookmark.DueAt);
        Assert.Empty(engine.Lines.Lines);

        engine.Clock.Advance(TimeSpan.FromHours(26));
        instance = await engine.Engine.ResumeAsync(definition, instance, bookmark.Id);

        Assert.Equal(["after"], engine.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
    }

    [Fact]
    public async Task Timer_InNormalFlow_WaitsOneIntervalOnce()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), Activity("timer", "Elsa.Timer", new() { ["interval"] = Literal("00:10:00", "TimeSpan") }), WriteLine("after", "after")],
            [Connect("start", "timer"), Connect("timer", "after")]);

        var instance = await engine.StartAsync(definition);
        var bookmark = Assert.Single(instance.Bookmarks);
        instance = await engine.Engine.ResumeAsync(definition, instance, bookmark.Id);

        Assert.Equal("Elsa.Timer", bookmark.Name);
        Assert.Equal(engine.Clock.GetUtcNow().AddMinutes(10), bookmark.DueAt);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Empty(instance.Bookmarks);
    }

    [Fact]
    public async Task Timer_AsTheTriggerOfTheRun_CompletesAtOnce()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Activity("timer", "Elsa.Timer", new() { ["interval"] = Literal("00:01:00", "TimeSpan") }, canStartWorkflow: true), WriteLine("hello", "Hello from timer")],
            [Connect("timer", "hello")]);

        var instance = await engine.StartAsync(definition, new StartWorkflowOptions { TriggerActivityId = "timer" });

        Assert.Equal(["Hello from timer"], engine.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
    }

    [Theory]
    [InlineData("2026-11-27T08:00:00+00:00", false)]
    [InlineData("2026-11-28T09:00:00+00:00", true)]
    [InlineData("2026-11-28T09:00:00", true)]
    public async Task StartAt_WaitsOnlyForAFutureMoment(string when, bool waits)
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), Activity("at", "Elsa.StartAt", new() { ["dateTime"] = Literal(when, "DateTimeOffset") }), WriteLine("after", "after")],
            [Connect("start", "at"), Connect("at", "after")]);

        var instance = await engine.StartAsync(definition);

        Assert.Equal(waits, instance.Bookmarks.Count == 1);
        if (waits)
        {
            Assert.Equal(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero), instance.Bookmarks[0].DueAt);
        }
    }

    [Fact]
    public async Task Cron_WaitsForTheNextOccurrenceInUtc()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), Activity("cron", "Elsa.Cron", new() { ["cronExpression"] = Literal("0 30 8 * * 1-5") }), WriteLine("after", "after")],
            [Connect("start", "cron"), Connect("cron", "after")]);

        // The clock stands at Friday 2026-11-27 09:00 UTC: the next weekday 08:30 is Monday the 30th.
        var instance = await engine.StartAsync(definition);

        var bookmark = Assert.Single(instance.Bookmarks);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 30, 0, TimeSpan.Zero), bookmark.DueAt);
        Assert.Equal("0 30 8 * * 1-5", bookmark.Payload["CronExpression"]);
    }

    [Fact]
    public async Task Cron_ScriptedExpressionThatDoesNotParse_FaultsTheActivity()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), Activity("cron", "Elsa.Cron", new() { ["cronExpression"] = Js("'0 * * * *'", "String") })],
            [Connect("start", "cron")]);

        var instance = await engine.StartAsync(definition);

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        Assert.Contains("cron expression '0 * * * *'", Assert.Single(instance.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delay_WithScriptedSpan_UsesTheScriptsValue()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), Activity("wait", "Elsa.Delay", new() { ["timeSpan"] = Js("'0' + (1 + 2) + ':00:00'", "TimeSpan") })],
            [Connect("start", "wait")]);

        var instance = await engine.StartAsync(definition);

        Assert.Equal(engine.Clock.GetUtcNow().AddHours(3), Assert.Single(instance.Bookmarks).DueAt);
    }

    [Fact]
    public async Task Delay_ParallelBranches_EachWaitOnItsOwnBookmark()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), Delay("short", "00:05:00"), Delay("long", "01:00:00"), WriteLine("s", "short done"), WriteLine("l", "long done")],
            [Connect("start", "short"), Connect("start", "long"), Connect("short", "s"), Connect("long", "l")]);

        var instance = await engine.StartAsync(definition);
        Assert.Equal(2, instance.Bookmarks.Count);

        instance = await engine.Engine.ResumeAsync(definition, instance, instance.Bookmarks.Single(b => b.ActivityId == "short").Id);
        Assert.Equal(["short done"], engine.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Suspended, instance.SubStatus);

        instance = await engine.Engine.ResumeAsync(definition, instance, Assert.Single(instance.Bookmarks).Id);
        Assert.Equal(["short done", "long done"], engine.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
    }

    [Fact]
    public async Task Delay_Journal_RecordsTheWaitFromStartToResume()
    {
        using var engine = new TestEngine();
        var definition = Definition([Delay("wait", "00:30:00")]);

        var instance = await engine.StartAsync(definition);
        var started = instance.Journal.Single(j => j.ActivityId == "wait");
        Assert.Equal(ActivityStatus.Running, started.Status);

        engine.Clock.Advance(TimeSpan.FromMinutes(30));
        instance = await engine.Engine.ResumeAsync(definition, instance, instance.Bookmarks[0].Id);

        var entry = instance.Journal.Single(j => j.ActivityId == "wait");
        Assert.Equal(ActivityStatus.Completed, entry.Status);
        Assert.Equal(TimeSpan.FromMinutes(30), entry.CompletedAt - entry.StartedAt);
    }
}
