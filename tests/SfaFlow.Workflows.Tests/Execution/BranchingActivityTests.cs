using System.Text.Json.Nodes;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Workflows.Tests.Execution;

/// <summary>FlowSwitch and FlowFork.</summary>
public sealed class BranchingActivityTests
{
    private static JsonObject Switch(string mode, params (string Label, string Script)[] cases) =>
        Activity("switch", "Elsa.FlowSwitch", new JsonObject
        {
            ["cases"] = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
            {
                ["label"] = c.Label,
                ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = c.Script },
            })]),
            ["mode"] = Literal(mode, "Elsa.Workflows.SwitchMode, Elsa.Workflows.Core"),
        });

    private static async Task<IReadOnlyList<string>> RunSwitch(JsonObject switchActivity)
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), switchActivity, WriteLine("hot", "hot"), WriteLine("warm", "warm"), WriteLine("other", "other")],
            [Connect("start", "switch"), Connect("switch", "hot", "Hot"), Connect("switch", "warm", "Warm"), Connect("switch", "other", "Default")]);
        var instance = await engine.StartAsync(definition);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        return engine.Lines.Lines;
    }

    [Fact]
    public async Task Switch_MatchFirst_TakesTheFirstMatchingCase()
    {
        Assert.Equal(["hot"], await RunSwitch(Switch("MatchFirst", ("Hot", "90 > 80"), ("Warm", "90 > 50"))));
    }

    [Fact]
    public async Task Switch_MatchAny_TakesEveryMatchingCase()
    {
        Assert.Equal(["hot", "warm"], await RunSwitch(Switch("MatchAny", ("Hot", "90 > 80"), ("Warm", "90 > 50"))));
    }

    [Fact]
    public async Task Switch_NoMatch_TakesDefault_AndOnlyBooleanTrueMatches()
    {
        Assert.Equal(["other"], await RunSwitch(Switch("MatchFirst", ("Hot", "'yes'"), ("Warm", "1"))));
    }

    [Fact]
    public async Task Fork_FiresOnePortPerBranch()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Activity("fork", "Elsa.FlowFork", new() { ["branches"] = ObjectJson("[\"Call\",\"Mail\"]", "String[]") }), WriteLine("call", "call"), WriteLine("mail", "mail"), WriteLine("done", "done")],
            [Connect("fork", "mail", "Mail"), Connect("fork", "call", "Call"), Connect("fork", "done", "Done")]);

        var instance = await engine.StartAsync(definition);

        // Targets run in connection order; Done fires only when no branches are set.
        Assert.Equal(["mail", "call"], engine.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
    }

    [Fact]
    public async Task Fork_WithoutBranches_FiresDone()
    {
        using var engine = new TestEngine();
        var definition = Definition([Activity("fork", "Elsa.FlowFork"), WriteLine("done", "done")], [Connect("fork", "done", "Done")]);

        await engine.StartAsync(definition);

        Assert.Equal(["done"], engine.Lines.Lines);
    }
}
