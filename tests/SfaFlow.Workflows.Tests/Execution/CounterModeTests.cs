using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Workflows.Tests.Execution;

/// <summary>Counter mode (Elsa 3.6's default): implicit joins, dead-path elimination, explicit joins and loops.</summary>
public sealed class CounterModeTests
{
    [Fact]
    public async Task Run_Sequence_RunsInOrderAndFinishes()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), WriteLine("a", "A"), WriteLine("b", "B")],
            [Connect("start", "a"), Connect("a", "b")]);

        var instance = await engine.StartAsync(definition);

        Assert.Equal(["A", "B"], engine.Lines.Lines);
        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Finished), (instance.Status, instance.SubStatus));
        Assert.Equal(["flowchart1", "start", "a", "b"], instance.Journal.Select(j => j.ActivityId));
        Assert.All(instance.Journal, j => Assert.Equal(["Done"], j.Outcomes!));
        Assert.Empty(instance.Contexts);
    }

    [Fact]
    public async Task Run_ImplicitFork_RunsTargetsInConnectionOrderAndJoinsOnce()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), WriteLine("b", "B"), WriteLine("a", "A"), WriteLine("slow1", "S1"), WriteLine("slow2", "S2"), WriteLine("join", "J")],
            [Connect("start", "a"), Connect("start", "slow1"), Connect("slow1", "slow2"), Connect("a", "join"), Connect("slow2", "join"), Connect("start", "b")]);

        await engine.StartAsync(definition);

        // FIFO in connection order; the implicit join waits for both of its inbound branches and runs once.
        Assert.Equal(["A", "S1", "B", "S2", "J"], engine.Lines.Lines);
    }

    [Fact]
    public async Task Run_DecisionBranchNotTaken_IsSkippedAndJoinStillRuns()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), Decision("d", "1 > 2"), WriteLine("yes", "yes"), WriteLine("yes2", "yes2"), WriteLine("no", "no"), WriteLine("after", "after")],
            [Connect("start", "d"), Connect("d", "yes", "True"), Connect("yes", "yes2"), Connect("d", "no", "False"), Connect("yes2", "after"), Connect("no", "after")]);

        var instance = await engine.StartAsync(definition);

        Assert.Equal(["no", "after"], engine.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal(["False"], instance.Journal.Single(j => j.ActivityId == "d").Outcomes!);
    }

    [Fact]
    public async Task Run_WaitAllJoinWithUntakenBranch_SkipsJoinAndEverythingAfterIt()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), Decision("d", "false"), WriteLine("a", "A"), WriteLine("b", "B"), Join("join", "WaitAll"), WriteLine("after", "after")],
            [Connect("start", "a"), Connect("start", "d"), Connect("d", "b", "True"), Connect("a", "join"), Connect("b", "join"), Connect("join", "after")]);

        var instance = await engine.StartAsync(definition);

        Assert.Equal(["A"], engine.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.DoesNotContain(instance.Journal, j => j.ActivityId == "join");
    }

    [Fact]
    public async Task Run_WaitAllActiveJoinWithUntakenBranch_RunsOnTheTakenOne()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), Decision("d", "false"), WriteLine("a", "A"), WriteLine("b", "B"), Join("join", "WaitAllActive"), WriteLine("after", "after")],
            [Connect("start", "a"), Connect("start", "d"), Connect("d", "b", "True"), Connect("a", "join"), Connect("b", "join"), Connect("join", "after")]);

        await engine.StartAsync(definition);

        Assert.Equal(["A", "after"], engine.Lines.Lines);
    }

    [Fact]
    public async Task Run_WaitAnyJoin_ContinuesOnFirstArrivalAndCancelsTheWaitingBranch()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), Delay("wait", "2.00:00:00"), WriteLine("late", "late"), WriteLine("fast", "fast"), Join("join", "WaitAny"), WriteLine("after", "after")],
            [Connect("start", "wait"), Connect("start", "fast"), Connect("wait", "late"), Connect("late", "join"), Connect("fast", "join"), Connect("join", "after")]);

        var instance = await engine.StartAsync(definition);

        Assert.Equal(["fast", "after"], engine.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Empty(instance.Bookmarks);
        Assert.Equal(ActivityStatus.Canceled, instance.Journal.Single(j => j.ActivityId == "wait").Status);
    }

    [Fact]
    public async Task Run_Loop_RepeatsUntilTheConditionHolds()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), SetVariable("inc", "Counter", Js("getCounter() + 1")), WriteLineJs("show", "'pass ' + getCounter()"), Decision("more", "getCounter() < 3"), WriteLine("done", "done")],
            [Connect("start", "inc"), Connect("inc", "show"), Connect("show", "more"), Connect("more", "inc", "True"), Connect("more", "done", "False")],
            [Variable("Counter", "Int32", "0")]);

        var instance = await engine.StartAsync(definition);

        Assert.Equal(["pass 1", "pass 2", "pass 3", "done"], engine.Lines.Lines);
        Assert.Equal(3, instance.Variables["Counter"]);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
    }

    [Fact]
    public async Task Run_LoopEnteredFromTheSide_FaultsWithAnIncidentNamingTheLoop()
    {
        using var engine = new TestEngine();

        // 'b' can be reached from the start without passing 'a', so looping back into 'a' from 'b' is invalid.
        var definition = Definition(
            [Start(), Decision("d", "true"), WriteLine("a", "A"), WriteLine("b", "B")],
            [Connect("start", "d"), Connect("d", "a", "True"), Connect("d", "b", "False"), Connect("a", "b"), Connect("b", "a")]);

        var instance = await engine.StartAsync(definition);

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        var incident = Assert.Single(instance.Incidents);
        Assert.Contains("loop", incident.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Run_EndInOneBranch_CompletesTheFlowchartAndCancelsTheOther()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), Delay("wait", "01:00:00"), WriteLine("never", "never"), WriteLine("a", "A"), End()],
            [Connect("start", "wait"), Connect("start", "a"), Connect("wait", "never"), Connect("a", "end")]);

        var instance = await engine.StartAsync(definition);

        Assert.Equal(["A"], engine.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Empty(instance.Bookmarks);
    }

    [Fact]
    public async Task Run_EndInNestedFlowchart_CompletesOnlyThatFlowchart()
    {
        using var engine = new TestEngine();
        var inner = Flowchart("inner", [WriteLine("i1", "inner"), End("innerEnd"), WriteLine("i2", "never")], [Connect("i1", "innerEnd"), Connect("innerEnd", "i2")]);
        var definition = Definition(
            [Start(), FlowNode("node", inner), WriteLine("after", "after")],
            [Connect("start", "node"), Connect("node", "after")]);

        await engine.StartAsync(definition);

        Assert.Equal(["inner", "after"], engine.Lines.Lines);
    }

    [Theory]
    [InlineData(FlowchartMode.CounterBased)]
    [InlineData(FlowchartMode.TokenBased)]
    public async Task Run_FlowchartNestedDirectly_RunsWithItsOwnVariablesAndCompletesWithDone(FlowchartMode mode)
    {
        using var engine = new TestEngine();
        var inner = Flowchart("inner", [WriteLineJs("i1", "'inner ' + getStep()"), Delay("pause", "00:01:00"), WriteLine("i2", "inner done")],
            [Connect("i1", "pause"), Connect("pause", "i2")], [Variable("Step", "String", "one")]);
        var definition = Definition([Start(), inner, WriteLine("after", "after")], [Connect("start", "inner"), Connect("inner", "after")]);

        var instance = await engine.RunUntilEndAsync(definition, new SfaFlow.Workflows.Execution.StartWorkflowOptions { FlowchartMode = mode });

        Assert.Equal(["inner one", "inner done", "after"], engine.Lines.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal(["Done"], instance.Journal.Single(j => j.ActivityId == "inner").Outcomes!);
    }

    [Fact]
    public async Task Run_ConnectionWithoutPort_FiresOnDoneOnly()
    {
        using var engine = new TestEngine();
        var definition = Definition(
            [Start(), Decision("d", "true"), WriteLine("viaDone", "via done"), WriteLine("a", "A"), WriteLine("b", "B")],
            [Connect("start", "a", port: null), Connect("a", "d"), Connect("d", "viaDone", port: null), Connect("d", "b", "True")]);

        await engine.StartAsync(definition);

        Assert.Equal(["A", "B"], engine.Lines.Lines);
    }

    [Fact]
    public async Task Run_StartActivity_FollowsElsasRules()
    {
        using var engine = new TestEngine();

        // No Elsa.Start: the first activity that can start the workflow wins over the first without inbound connections.
        var definition = Definition(
            [WriteLine("first", "first"), WriteLine("starter", "starter"), WriteLine("next", "next")],
            [Connect("starter", "next")]);
        var withFlag = Definition(
            [WriteLine("first", "first"), Activity("starter", "Elsa.WriteLine", new() { ["text"] = Literal("starter") }, canStartWorkflow: true)],
            []);

        await engine.StartAsync(definition);
        await engine.StartAsync(withFlag);

        Assert.Equal(["first", "starter"], engine.Lines.Lines);
    }

    [Fact]
    public async Task Run_EmptyFlowchart_FinishesAtOnce()
    {
        using var engine = new TestEngine();

        var instance = await engine.StartAsync(Definition([]));

        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
    }
}
