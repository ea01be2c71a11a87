using System.Text.Json.Nodes;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Workflows.Tests.Execution;

/// <summary>An instance serializes to JSON and back, and a resumed copy behaves exactly like the original.</summary>
public sealed class InstanceSerializationTests
{
    /// <summary>A loop with typed and object variables, a nested flowchart variable and two suspensions.</summary>
    private static WorkflowDefinition Cadence(FlowchartMode mode) => Definition(
        [
            Start(),
            SetVariable("touch", "Touches", Js("getTouches() + 1")),
            SetVariable("log", "Log", Js("return { last: 'touch ' + getTouches(), at: new Date(Date.UTC(2026, 10, 27)) }")),
            FlowNode("note", Flowchart("inner", [WriteLineJs("say", "getLog().last + ' / ' + getNoteText()")], variables: [Variable("NoteText", "String", "note")])),
            Delay("wait", "1.00:00:00"),
            Event("reply", "LeadReplied"),
            Decision("more", "getTouches() < 2"),
            WriteLineJs("done", "'done after ' + getTouches() + ': ' + getOutputFrom('reply').text"),
        ],
        [
            Connect("start", "touch"), Connect("touch", "log"), Connect("log", "note"), Connect("note", "wait"), Connect("wait", "reply"),
            Connect("reply", "more"), Connect("more", "touch", "True"), Connect("more", "done", "False"),
        ],
        [Variable("Touches", "Int32", "0"), Variable("Log", "Object"), Variable("When", "DateTimeOffset", "2026-11-27T09:00:00+00:00")],
        customProperties: new JsonObject { [WorkflowDefinition.FlowchartModeProperty] = mode.ToString() });

    [Theory]
    [InlineData(FlowchartMode.CounterBased)]
    [InlineData(FlowchartMode.TokenBased)]
    public async Task Resume_ACopyFromJson_BehavesExactlyLikeTheOriginal(FlowchartMode mode)
    {
        var definition = Cadence(mode);
        using var original = new TestEngine();
        using var copied = new TestEngine();
        var a = await original.StartAsync(definition, new StartWorkflowOptions { InstanceId = "i1" });
        var b = await copied.StartAsync(definition, new StartWorkflowOptions { InstanceId = "i1" });

        // Alternate: the original keeps its objects; the copy goes through JSON before every step.
        for (var step = 0; step < 10 && !a.IsFinished; step++)
        {
            b = WorkflowInstanceSerializer.Deserialize(WorkflowInstanceSerializer.Serialize(b));
            Assert.Equal(Project(a), Project(b));
            var payload = new Dictionary<string, object?> { ["text"] = $"reply {step}" };
            a = await original.Engine.ResumeAsync(definition, a, a.Bookmarks[0].Id, payload);
            b = await copied.Engine.ResumeAsync(definition, b, b.Bookmarks[0].Id, payload);
        }

        Assert.Equal(WorkflowSubStatus.Finished, a.SubStatus);
        Assert.Equal(original.Lines.Lines, copied.Lines.Lines);
        Assert.Equal(["touch 1 / note", "touch 2 / note", "done after 2: reply 3"], original.Lines.Lines);
        Assert.Equal(Project(a), Project(b));
    }

    [Fact]
    public async Task Serialize_KeepsEveryPartOfTheState()
    {
        using var engine = new TestEngine();
        var instance = await engine.StartAsync(Cadence(FlowchartMode.CounterBased), new StartWorkflowOptions
        {
            CorrelationId = "lead-1",
            Input = new Dictionary<string, object?> { ["Lead"] = new JsonObject { ["$id"] = "x", ["score"] = 70 } },
        });

        var json = WorkflowInstanceSerializer.Serialize(instance);
        var copy = WorkflowInstanceSerializer.Deserialize(json);

        Assert.Equal(json, WorkflowInstanceSerializer.Serialize(copy));
        Assert.Equal(WorkflowSubStatus.Suspended, copy.SubStatus);
        Assert.Equal("lead-1", copy.CorrelationId);
        Assert.Equal(instance.Bookmarks.Single().DueAt, copy.Bookmarks.Single().DueAt);
        Assert.Equal("x", ((JsonObject)copy.Input["lead"]!)["$id"]!.GetValue<string>());
        Assert.Equal(instance.Contexts.Select(c => (c.Id, c.NodeId, c.ParentId)), copy.Contexts.Select(c => (c.Id, c.NodeId, c.ParentId)));
        Assert.Equal(instance.Journal.Count, copy.Journal.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), copy.Variables["When"] is string s ? DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : copy.Variables["When"]);
    }

    /// <summary>Everything observable about an instance except ids generated fresh by each run.</summary>
    private static string Project(WorkflowInstance instance) => new JsonObject
    {
        ["status"] = $"{instance.Status}/{instance.SubStatus}",
        ["variables"] = JsonSerializerNode(instance.Variables),
        ["output"] = JsonSerializerNode(instance.Output),
        ["contexts"] = new JsonArray([.. instance.Contexts.Select(c => (JsonNode)$"{c.Id} {c.NodeId} {c.Status} {JsonSerializerNode(c.Variables)} {JsonSerializerNode(c.Flowchart)}")]),
        ["bookmarks"] = new JsonArray([.. instance.Bookmarks.Select(b => (JsonNode)$"{b.Name} {b.Key} {b.DueAt:O} {b.Hash} {b.ActivityInstanceId}")]),
        ["journal"] = new JsonArray([.. instance.Journal.Select(j => (JsonNode)$"{j.Sequence} {j.ActivityId} {j.Status} {string.Join(",", j.Outcomes ?? [])}")]),
        ["incidents"] = instance.Incidents.Count,
    }.ToJsonString();

    private static JsonNode? JsonSerializerNode(object? value) =>
        System.Text.Json.JsonSerializer.SerializeToNode(value, WorkflowInstanceSerializer.Options);
}
