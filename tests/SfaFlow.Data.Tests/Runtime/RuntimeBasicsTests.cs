using SfaFlow.Data.Tests.Support;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Data.Tests.Runtime;

/// <summary>Runs workflows durably: start, suspend, timers, events, and what the database holds after each.</summary>
public sealed class RuntimeBasicsTests
{
    private static string DelayedGreeting(string definitionId = "greeting", string text = "hello") => Json(
        [Start(), Delay("wait", "00:10:00"), WriteLine("say", text)],
        [Connect("start", "wait"), Connect("wait", "say")]).Replace("\"test\"", $"\"{definitionId}\"", StringComparison.Ordinal);

    [Fact]
    public async Task Start_SuspendedInstance_IsCommittedWithItsBookmark()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await host.PublishAsync(DelayedGreeting());

        var started = await host.Runtime.StartAsync("greeting", new StartRequest { CorrelationId = "lead-1" });
        var stored = await host.Instances.FindAsync(started.Id);

        Assert.NotNull(stored);
        Assert.Null(stored.Lease);
        Assert.Equal(WorkflowSubStatus.Suspended, stored.Instance.SubStatus);
        Assert.Equal(WorkflowInstanceSerializer.Serialize(started), WorkflowInstanceSerializer.Serialize(stored.Instance));
        var bookmark = Assert.Single(await host.Instances.FindBookmarksAsync("Elsa.Delay", null, "lead-1"));
        Assert.Equal(started.Bookmarks[0].DueAt, bookmark.DueAt);
    }

    [Fact]
    public async Task Scheduler_FiresATimerWhenItIsDue_AndNotBefore()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await host.PublishAsync(DelayedGreeting());
        var started = await host.Runtime.StartAsync("greeting", new StartRequest());

        host.Clock.Advance(TimeSpan.FromMinutes(9));
        var early = await host.Scheduler.TickAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var due = await host.Scheduler.TickAsync();

        Assert.Equal((0, 1), (early, due));
        Assert.Equal(["hello"], host.Lines.Lines);
        var stored = await host.Instances.FindAsync(started.Id);
        Assert.Equal(WorkflowSubStatus.Finished, stored!.Instance.SubStatus);
        Assert.Empty(await host.Instances.FindBookmarksAsync("Elsa.Delay", null, null));
    }

    [Fact]
    public async Task DispatchEvent_StartsTriggeredWorkflowsAndResumesWaitingOnes()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await host.PublishAsync(Json(
            [Activity("created", "Elsa.Event", new() { ["eventName"] = Literal("LeadCreated") }, canStartWorkflow: true), WriteLineJs("say", "'new lead ' + getResultFromCreated().name")],
            [Connect("created", "say")]).Replace("\"test\"", "\"on-lead\"", StringComparison.Ordinal));
        await host.PublishAsync(Json(
            [Event("reply", "LeadReplied"), WriteLineJs("say", "'reply ' + getOutputFrom('reply').text")],
            [Connect("reply", "say")]).Replace("\"test\"", "\"wait-reply\"", StringComparison.Ordinal));
        var waiting = await host.Runtime.StartAsync("wait-reply", new StartRequest { CorrelationId = "lead-7" });
        var otherLead = await host.Runtime.StartAsync("wait-reply", new StartRequest { CorrelationId = "lead-8" });

        var created = await host.Runtime.DispatchEventAsync("LeadCreated", null, new Dictionary<string, object?> { ["name"] = "Ada" });
        var replied = await host.Runtime.DispatchEventAsync("LeadReplied", "lead-7", new Dictionary<string, object?> { ["text"] = "yes" });

        Assert.Single(created.Started);
        Assert.Empty(created.Resumed);
        Assert.Equal(waiting.Id, Assert.Single(replied.Resumed).Id);
        Assert.Equal(["new lead Ada", "reply yes"], host.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Suspended, (await host.Instances.FindAsync(otherLead.Id))!.Instance.SubStatus);
    }

    [Fact]
    public async Task Resume_TheSameBookmarkTwice_RunsOnce()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await host.PublishAsync(Json([Event("reply", "Go"), WriteLine("say", "ran")], [Connect("reply", "say")]));
        var started = await host.Runtime.StartAsync("test", new StartRequest());
        var bookmark = started.Bookmarks[0].Id;

        var first = await host.Runtime.ResumeAsync(bookmark);
        var second = await host.Runtime.ResumeAsync(bookmark);

        Assert.Equal((ResumeStatus.Resumed, ResumeStatus.AlreadyConsumed), (first.Status, second.Status));
        Assert.Equal(["ran"], host.Lines.Lines);
    }

    [Fact]
    public async Task CancelAndRetry_GoThroughTheStore()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await host.PublishAsync(Json([Event("wait", "Never")]));
        var waiting = await host.Runtime.StartAsync("test", new StartRequest());

        var cancelled = await host.Runtime.CancelAsync(waiting.Id);

        Assert.Equal(WorkflowSubStatus.Cancelled, cancelled.SubStatus);
        Assert.Equal(WorkflowSubStatus.Cancelled, (await host.Instances.FindAsync(waiting.Id))!.Instance.SubStatus);
        Assert.Empty(await host.Instances.FindBookmarksAsync("Elsa.Event", "Never", null));
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Runtime.RetryAsync(waiting.Id));
        await Assert.ThrowsAsync<InstanceNotFoundException>(() => host.Runtime.CancelAsync("nope"));
    }
}
