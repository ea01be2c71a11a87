using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Workflows.Tests.Execution;

/// <summary>
/// A burst that never waits (an activity connected back to itself) is stopped by its budget: the instance ends Faulted
/// with an incident that names the loop, instead of running until the host runs out of memory.
/// </summary>
public sealed class BurstBudgetTests
{
    /// <summary>The workflow the issue was found with: Elsa.SetVariable connected back to itself.</summary>
    private static readonly Workflows.Definitions.WorkflowDefinition SelfLoop = Definition(
        [SetVariable("spin", "n", Js("(getVariable('n') ?? 0) + 1"))],
        [Connect("spin", "spin")],
        [Variable("n", "Object")]);

    [Fact]
    public async Task Start_WhenAnActivityLoopsBackToItself_StopsAtTheDefaultBudgetWithAnIncidentNamingTheLoop()
    {
        using var engine = new TestEngine();

        var instance = await engine.StartAsync(SelfLoop);

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal(IncidentKinds.BurstBudget, incident.Kind);
        Assert.Equal("spin", incident.ActivityId);
        Assert.Contains("10,000 activities", incident.Message, StringComparison.Ordinal);
        Assert.Contains("'spin' (Elsa.SetVariable)", incident.Message, StringComparison.Ordinal);

        // Stopped where the budget ran out: the journal holds exactly the budget, the next step waits for a retry.
        Assert.Equal(10_000, instance.Journal.Count);
        Assert.Equal(9_999d, Convert.ToDouble(instance.Variables["n"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(instance.PendingWork);
    }

    [Fact]
    public async Task Start_WhenABurstRunsLongerThanItsWallTime_StopsIt()
    {
        using var engine = new TestEngine(configure: services => services.Configure<WorkflowEngineOptions>(o =>
        {
            o.MaxActivitiesPerBurst = int.MaxValue;
            o.MaxBurstDuration = TimeSpan.FromMilliseconds(200);
        }));

        var instance = await engine.StartAsync(SelfLoop);

        var incident = Assert.Single(instance.Incidents);
        Assert.Equal(IncidentKinds.BurstBudget, incident.Kind);
        Assert.Contains("in one burst without waiting (the limit is 0.2 s, SfaFlow:Workflows:MaxBurstDuration)", incident.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_AfterABudgetStop_GoesOnWhereItStopped_AndTheThirdStopParksTheInstance()
    {
        using var engine = new TestEngine(configure: services => services.Configure<WorkflowEngineOptions>(o => o.MaxActivitiesPerBurst = 50));
        var instance = await engine.StartAsync(SelfLoop);

        instance = await engine.Engine.RetryAsync(SelfLoop, instance);
        Assert.Equal(99d, Convert.ToDouble(instance.Variables["n"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(instance.IsParked);

        instance = await engine.Engine.RetryAsync(SelfLoop, instance);

        Assert.True(instance.IsParked);
        Assert.Equal(3, instance.Incidents.Count(i => i.Kind == IncidentKinds.BurstBudget));
        Assert.Contains("ran out of its burst budget 3 times", instance.Incidents.Single(i => i.Kind == IncidentKinds.Parked).Message, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.Engine.RetryAsync(SelfLoop, instance));
        Assert.Contains("is parked", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithinTheBudget_RunsAsBefore()
    {
        using var engine = new TestEngine(configure: services => services.Configure<WorkflowEngineOptions>(o => o.MaxActivitiesPerBurst = 4));

        // The root flowchart and three activities: exactly the budget.
        var instance = await engine.StartAsync(Definition([WriteLine("a", "a"), WriteLine("b", "b"), WriteLine("c", "c")], [Connect("a", "b"), Connect("b", "c")]));

        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal(["a", "b", "c"], engine.Lines.Lines);
    }
}
