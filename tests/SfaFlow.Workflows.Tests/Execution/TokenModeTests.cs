using System.Text.Json.Nodes;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Workflows.Tests.Execution;

/// <summary>Token mode: merge modes decide, untaken branches put no token, and a merge that can never fire is reported.</summary>
public sealed class TokenModeTests
{
    private static readonly StartWorkflowOptions Token = new() { FlowchartMode = FlowchartMode.TokenBased };

    /// <summary>A → C and B1 → B2 → C from one start: branches of unequal length meeting at C.</summary>
    private static WorkflowDefinition UnequalBranches(string mergeMode) => Definition(
        [Start(), WriteLine("a", "A"), WriteLine("b1", "B1"), WriteLine("b2", "B2"), WriteLine("c", "C", mergeMode)],
        [Connect("start", "a"), Connect("start", "b1"), Connect("b1", "b2"), Connect("a", "c"), Connect("b2", "c")]);

    [Fact]
    public async Task Run_StreamMerge_RunsTheTargetOnEachArrival()
    {
        using var engine = new TestEngine();

        var instance = await engine.StartAsync(UnequalBranches("Stream"), Token);

        Assert.Equal(["A", "B1", "C", "B2", "C"], engine.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
    }

    [Fact]
    public async Task Run_MergeMerge_WaitsForEveryForwardBranch()
    {
        using var engine = new TestEngine();

        var instance = await engine.StartAsync(UnequalBranches("Merge"), Token);

        Assert.Equal(["A", "B1", "B2", "C"], engine.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
    }

    [Fact]
    public async Task Run_CounterMode_IgnoresMergeModeAndJoinsImplicitly()
    {
        using var engine = new TestEngine();

        await engine.StartAsync(UnequalBranches("Stream"));

        Assert.Equal(["A", "B1", "B2", "C"], engine.Lines.Lines);
    }

    [Fact]
    public async Task Run_MergeOnUntakenBranch_EndsWithAnIncidentNamingTheMergeAndTheMissingBranch()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), WriteLine("a", "A"), Decision("d", "false"), WriteLine("b", "B"), WriteLine("c", "C", "Merge")],
            [Connect("start", "a"), Connect("start", "d"), Connect("d", "b", "True"), Connect("a", "c"), Connect("b", "c")]);

        var instance = await engine.StartAsync(definition, Token);

        // Elsa would leave this instance Running with no bookmark forever.
        Assert.Equal(["A"], engine.Lines.Lines);
        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Faulted), (instance.Status, instance.SubStatus));
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("c", incident.ActivityId);
        Assert.Contains("'c' (merge mode Merge) waits for the branch from 'b' (port Done)", incident.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WaitAllJoinInTokenMode_StallsWhereCounterModeSkips()
    {
        var definition = Definition(
            [Start(), Decision("d", "false"), WriteLine("a", "A"), WriteLine("b", "B"), Join("join", "WaitAll"), WriteLine("after", "after")],
            [Connect("start", "a"), Connect("start", "d"), Connect("d", "b", "True"), Connect("a", "join"), Connect("b", "join"), Connect("join", "after")]);
        using var token = new TestEngine();
        using var counter = new TestEngine();

        var stalled = await token.StartAsync(definition, Token);
        var skipped = await counter.StartAsync(definition);

        Assert.Equal(WorkflowSubStatus.Faulted, stalled.SubStatus);
        Assert.Contains("'join' (merge mode Merge) waits for the branch from 'b'", Assert.Single(stalled.Incidents).Message, StringComparison.Ordinal);
        Assert.Equal(WorkflowSubStatus.Finished, skipped.SubStatus);
    }

    [Fact]
    public async Task Run_ConvergeMerge_WaitsForLoopBackConnectionsToo()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), WriteLine("a", "A"), WriteLine("c", "C", "Converge"), Decision("again", "false"), WriteLine("back", "back")],
            [Connect("start", "a"), Connect("a", "c"), Connect("c", "again"), Connect("again", "back", "True"), Connect("back", "c")]);

        var instance = await engine.StartAsync(definition, Token);

        // C's loop-back connection never carries a token, so Converge never fires.
        Assert.Equal(["A"], engine.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
    }

    [Fact]
    public async Task Run_RaceMerge_RunsOnceAndCancelsTheWaitingBranch()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), Delay("wait", "1.00:00:00"), WriteLine("slow", "slow"), WriteLine("fast", "fast"), WriteLine("winner", "winner", "Race")],
            [Connect("start", "wait"), Connect("start", "fast"), Connect("wait", "slow"), Connect("slow", "winner"), Connect("fast", "winner")]);

        var instance = await engine.StartAsync(definition, Token);

        Assert.Equal(["fast", "winner"], engine.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Empty(instance.Bookmarks);
    }

    [Fact]
    public async Task Run_CascadeMerge_RunsOnTheFirstArrivalOnly()
    {
        using var engine = new TestEngine();

        await engine.StartAsync(UnequalBranches("Cascade"), Token);

        Assert.Equal(["A", "B1", "C", "B2"], engine.Lines.Lines);
    }

    [Fact]
    public async Task Run_DecisionBothPortsToOneTarget_RunsItOnce()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), Decision("d", "false"), WriteLine("end", "end", "None")],
            [Connect("start", "d"), Connect("d", "end", "True"), Connect("d", "end", "False")]);

        var instance = await engine.StartAsync(definition, Token);

        Assert.Equal(["end"], engine.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
    }

    [Fact]
    public async Task Start_ModeFromDefinitionCustomProperty_UnlessTheRunChoosesOne()
    {
        var json = Json(
            [Start(), WriteLine("a", "A"), WriteLine("b1", "B1"), WriteLine("b2", "B2"), WriteLine("c", "C", "Stream")],
            [Connect("start", "a"), Connect("start", "b1"), Connect("b1", "b2"), Connect("a", "c"), Connect("b2", "c")],
            customProperties: new JsonObject { [WorkflowDefinition.FlowchartModeProperty] = "TokenBased" });
        var definition = ElsaJsonReader.Read(json).GetDefinitionOrThrow();
        using var byDefinition = new TestEngine();
        using var byRun = new TestEngine();

        var tokenInstance = await byDefinition.StartAsync(definition);
        var counterInstance = await byRun.StartAsync(definition, new StartWorkflowOptions { FlowchartMode = FlowchartMode.CounterBased });

        Assert.Equal(FlowchartMode.TokenBased, tokenInstance.FlowchartMode);
        Assert.Equal(["A", "B1", "C", "B2", "C"], byDefinition.Lines.Lines);
        Assert.Equal(FlowchartMode.CounterBased, counterInstance.FlowchartMode);
        Assert.Equal(["A", "B1", "B2", "C"], byRun.Lines.Lines);
    }
}
