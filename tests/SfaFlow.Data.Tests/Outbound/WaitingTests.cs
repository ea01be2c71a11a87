using System.Text.Json.Nodes;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Data.Tests.Outbound;

/// <summary>Sfa.WaitForEvent and Sfa.WaitBusinessDays in published workflows, with the fake clock and the runtime's timer pass.</summary>
public sealed class WaitingTests
{
    // The hosts' clock starts on Friday 2026-11-27 at 09:00 UTC (the calendar's default time zone).
    private static JsonObject WaitForEvent(string? filter = null, string? timeout = null, int? businessDays = null) =>
        Activity("wait", "Sfa.WaitForEvent", new JsonObject
        {
            ["eventName"] = Literal("LeadReplied"),
            ["filter"] = Literal(filter),
            ["timeout"] = timeout is null ? null : Literal(timeout, "TimeSpan"),
            ["timeoutBusinessDays"] = businessDays is null ? null : Literal(businessDays.Value, "Int32"),
        });

    private static IReadOnlyList<string>? OutcomesOf(WorkflowInstance instance, string activityId) =>
        instance.Journal.Single(j => j.ActivityId == activityId).Outcomes;

    private static async Task<(OutboundHost Host, string Correlation, WorkflowInstance Waiting)> StartAsync(JsonObject activity)
    {
        var host = await OutboundHost.CreateAsync();
        var lead = await host.AddLeadAsync();
        await host.PublishAsync(Json([activity]));
        var correlation = $"lead:{lead.Id}";
        var waiting = await host.Runtime.StartAsync("test", new StartRequest { CorrelationId = correlation });
        return (host, correlation, waiting);
    }

    private static async Task<WorkflowInstance> ReloadAsync(OutboundHost host, string id) =>
        (await host.Runtime.FindInstanceAsync(id))!.Instance;

    [Fact]
    public async Task WaitForEvent_AnEventTheFilterAccepts_IsReceivedWithItsPayload()
    {
        var (host, correlation, waiting) = await StartAsync(WaitForEvent("event.sentiment == 'positive'", timeout: "1.00:00:00"));
        await using var _ = host;
        Assert.Equal(WorkflowSubStatus.Suspended, waiting.SubStatus);
        Assert.Equal(2, waiting.Bookmarks.Count);

        var result = await host.Runtime.DispatchEventAsync("LeadReplied", correlation, new Dictionary<string, object?> { ["sentiment"] = "positive" });

        var finished = Assert.Single(result.Resumed);
        Assert.Equal(WorkflowSubStatus.Finished, finished.SubStatus);
        Assert.Equal(["Received"], OutcomesOf(finished, "wait"));
        Assert.Empty(finished.Bookmarks);
    }

    [Fact]
    public async Task WaitForEvent_AnEventTheFilterRejects_KeepsWaitingWithTheSameDeadline()
    {
        var (host, correlation, waiting) = await StartAsync(WaitForEvent("event.sentiment == 'positive'", timeout: "1.00:00:00"));
        await using var _ = host;
        var deadline = waiting.Bookmarks.Single(b => b.DueAt is not null).DueAt;

        await host.Runtime.DispatchEventAsync("LeadReplied", correlation, new Dictionary<string, object?> { ["sentiment"] = "angry" });
        var still = await ReloadAsync(host, waiting.Id);
        Assert.Equal(WorkflowSubStatus.Suspended, still.SubStatus);
        Assert.Equal(deadline, still.Bookmarks.Single(b => b.DueAt is not null).DueAt);
        Assert.Single(still.Bookmarks, b => b.Name == "Elsa.Event" && b.Key == "LeadReplied");

        // Another lead's reply does not count either.
        await host.Runtime.DispatchEventAsync("LeadReplied", "lead:999", new Dictionary<string, object?> { ["sentiment"] = "positive" });
        Assert.Equal(WorkflowSubStatus.Suspended, (await ReloadAsync(host, waiting.Id)).SubStatus);

        await host.Runtime.DispatchEventAsync("LeadReplied", correlation, new Dictionary<string, object?> { ["sentiment"] = "positive" });
        var finished = await ReloadAsync(host, waiting.Id);
        Assert.Equal(["Received"], OutcomesOf(finished, "wait"));
        Assert.Equal("positive", Assert.IsType<JsonObject>(finished.ActivityOutputs["wait"]["result"])["sentiment"]!.GetValue<string>());
    }

    [Fact]
    public async Task WaitForEvent_SeveralNames_TheFirstToComeIsReceived_AndTheOthersNoLongerResumeIt()
    {
        var wait = WaitForEvent("event.why != 'ignore me'", timeout: "1.00:00:00");
        wait["eventName"] = Literal("LeadReplied, LeadDisqualified");
        var (host, correlation, waiting) = await StartAsync(wait);
        await using var _ = host;
        Assert.Equal(["LeadDisqualified", "LeadReplied"], waiting.Bookmarks.Where(b => b.Name == "Elsa.Event").Select(b => b.Key).Order(StringComparer.Ordinal));

        await host.Runtime.DispatchEventAsync("LeadDisqualified", correlation, new Dictionary<string, object?> { ["why"] = "ignore me" });
        Assert.Equal(3, (await ReloadAsync(host, waiting.Id)).Bookmarks.Count);
        await host.Runtime.DispatchEventAsync("LeadDisqualified", correlation, new Dictionary<string, object?> { ["why"] = "no budget" });

        var finished = await ReloadAsync(host, waiting.Id);
        Assert.Equal(WorkflowSubStatus.Finished, finished.SubStatus);
        Assert.Equal(["Received"], OutcomesOf(finished, "wait"));
        Assert.Equal("LeadDisqualified", finished.ActivityOutputs["wait"]["receivedEventName"]?.ToString());
        Assert.Empty(finished.Bookmarks);
        Assert.Empty((await host.Runtime.DispatchEventAsync("LeadReplied", correlation, null)).Resumed);
    }

    [Fact]
    public async Task WaitForEvent_NoEventBeforeTheTimeout_TimesOut()
    {
        var (host, correlation, waiting) = await StartAsync(WaitForEvent(timeout: "02:00:00"));
        await using var _ = host;

        host.Sales.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await host.Runtime.FireDueTimersAsync());
        host.Sales.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await host.Runtime.FireDueTimersAsync());

        var finished = await ReloadAsync(host, waiting.Id);
        Assert.Equal(WorkflowSubStatus.Finished, finished.SubStatus);
        Assert.Equal(["TimedOut"], OutcomesOf(finished, "wait"));
        Assert.Empty((await host.Runtime.DispatchEventAsync("LeadReplied", correlation, null)).Resumed);
    }

    [Fact]
    public async Task WaitForEvent_TimeoutInBusinessDays_SkipsTheWeekend()
    {
        var (host, _, waiting) = await StartAsync(WaitForEvent(businessDays: 1));
        await using var _ = host;

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), waiting.Bookmarks.Single(b => b.DueAt is not null).DueAt);
        host.Sales.Clock.Advance(TimeSpan.FromDays(2)); // Sunday
        Assert.Equal(0, await host.Runtime.FireDueTimersAsync());
        host.Sales.Clock.Advance(TimeSpan.FromDays(1)); // Monday, 09:00
        Assert.Equal(1, await host.Runtime.FireDueTimersAsync());
        Assert.Equal(["TimedOut"], OutcomesOf(await ReloadAsync(host, waiting.Id), "wait"));
    }

    [Fact]
    public async Task WaitBusinessDays_FromFriday_ContinuesOnMondayAtTheTimeOfDay()
    {
        var (host, _, waiting) = await StartAsync(Activity("wait", "Sfa.WaitBusinessDays", new JsonObject
        {
            ["days"] = Literal(1, "Int32"),
            ["timeOfDay"] = Literal("10:30"),
        }));
        await using var _ = host;
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 30, 0, TimeSpan.Zero), Assert.Single(waiting.Bookmarks).DueAt);

        host.Sales.Clock.Advance(TimeSpan.FromDays(3)); // Monday 09:00: not yet
        Assert.Equal(0, await host.Runtime.FireDueTimersAsync());
        host.Sales.Clock.Advance(TimeSpan.FromMinutes(90));
        Assert.Equal(1, await host.Runtime.FireDueTimersAsync());
        Assert.Equal(WorkflowSubStatus.Finished, (await ReloadAsync(host, waiting.Id)).SubStatus);
    }
}
