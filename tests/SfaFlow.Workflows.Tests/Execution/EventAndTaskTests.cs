using System.Text.Json.Nodes;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Workflows.Tests.Execution;

/// <summary>Event and RunTask: bookmarks matched by key, resumed with payloads, consumed exactly once.</summary>
public sealed class EventAndTaskTests
{
    private static readonly string[] ReplyLines = ["waiting", "reply: Interested"];

    [Fact]
    public async Task Event_WaitsOnItsNameAndHandsThePayloadOnAsResult()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [WriteLine("before", "waiting"), Event("reply", "LeadReplied"), WriteLineJs("after", "'reply: ' + getOutputFrom('reply').answer")],
            [Connect("before", "reply"), Connect("reply", "after")]);

        var instance = await engine.StartAsync(definition);
        var bookmark = Assert.Single(instance.Bookmarks);
        Assert.Equal(("Elsa.Event", "LeadReplied"), (bookmark.Name, bookmark.Key));
        Assert.Equal("LeadReplied", bookmark.Payload["EventName"]);

        instance = await engine.Engine.ResumeAsync(definition, instance, bookmark.Id, new JsonObject { ["answer"] = "Interested" });

        Assert.True(instance.Incidents.Count == 0, string.Join("; ", instance.Incidents.Select(i => i.Message)));
        Assert.Equal(ReplyLines, engine.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
    }

    [Fact]
    public async Task Event_AsTheTrigger_StartsThereWithThePayload()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Activity("created", "Elsa.Event", new() { ["eventName"] = Literal("LeadCreated") }, canStartWorkflow: true), WriteLineJs("show", "getResultFromCreated().name")],
            [Connect("created", "show")]);

        var instance = await engine.StartAsync(definition, new StartWorkflowOptions
        {
            TriggerActivityId = "created",
            TriggerPayload = new Dictionary<string, object?> { ["name"] = "Ada" },
        });

        Assert.Equal(["Ada"], engine.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
    }

    [Fact]
    public async Task Event_BookmarkHash_IsElsasHashOfNameAndPayload()
    {
        using var engine = new TestEngine();
        var instance = await engine.StartAsync(Definition([Event("e", "LeadReplied")]));

        Assert.Equal(BookmarkHasher.Hash("Elsa.Event", new Dictionary<string, object?> { ["EventName"] = "LeadReplied" }), instance.Bookmarks[0].Hash);
        Assert.NotEqual(BookmarkHasher.Hash("Elsa.Event", new Dictionary<string, object?> { ["EventName"] = "Other" }), instance.Bookmarks[0].Hash);
    }

    [Fact]
    public async Task Resume_TheSameBookmarkTwice_IsRefusedTheSecondTime()
    {
        using var engine = new TestEngine();
        var definition = Definition([Event("e", "Go"), Event("e2", "Again")], [Connect("e", "e2")]);
        var instance = await engine.StartAsync(definition);
        var first = instance.Bookmarks[0].Id;

        instance = await engine.Engine.ResumeAsync(definition, instance, first);
        var refused = await Assert.ThrowsAsync<BookmarkNotFoundException>(() => engine.Engine.ResumeAsync(definition, instance, first));

        Assert.Contains("already consumed", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, instance.Journal.Count(j => j.ActivityType == "Elsa.Event"));
    }

    [Fact]
    public async Task RunTask_WaitsOnItsTaskIdAndContinuesWithTheResult()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Activity("call", "Elsa.RunTask", new() { ["taskName"] = Literal("CallLead"), ["payload"] = ObjectJson("{\"phone\":\"+49 30 1234\"}", "ObjectDictionary") }),
             WriteLineJs("outcome", "'call: ' + getResultFromCall()")],
            [Connect("call", "outcome")]);

        var instance = await engine.StartAsync(definition);
        var bookmark = Assert.Single(instance.Bookmarks);
        var taskId = (string)instance.ActivityOutputs["call"]["taskId"]!;

        Assert.Equal(("Elsa.RunTask", taskId), (bookmark.Name, bookmark.Key));
        Assert.Equal("CallLead", bookmark.Payload["TaskName"]);
        Assert.Equal(BookmarkHasher.Hash("Elsa.RunTask", new Dictionary<string, object?> { ["TaskId"] = taskId }), bookmark.Hash);

        instance = await engine.Engine.ResumeAsync(definition, instance, bookmark.Id, "No answer");

        Assert.Equal(["call: No answer"], engine.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
    }

    [Fact]
    public async Task Cancel_StopsTheInstanceAndDropsItsBookmarks()
    {
        using var engine = new TestEngine();
        var definition = Definition([Event("e", "Never"), WriteLine("after", "after")], [Connect("e", "after")]);
        var instance = await engine.StartAsync(definition);

        instance = await engine.Engine.CancelAsync(definition, instance);

        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Cancelled), (instance.Status, instance.SubStatus));
        Assert.Empty(instance.Bookmarks);
        Assert.Empty(instance.Contexts);
        Assert.Equal(ActivityStatus.Canceled, instance.Journal.Single(j => j.ActivityId == "e").Status);
        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.Engine.CancelAsync(definition, instance));
    }
}
