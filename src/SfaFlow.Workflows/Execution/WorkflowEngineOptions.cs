using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Execution;

/// <summary>Engine settings, bound from <c>SfaFlow:Workflows</c>.</summary>
public sealed class WorkflowEngineOptions
{
    public const string SectionName = "SfaFlow:Workflows";

    /// <summary>The flowchart mode when neither the run nor the definition chooses one (Elsa 3.6's default).</summary>
    public FlowchartMode DefaultFlowchartMode { get; set; } = FlowchartMode.CounterBased;

    /// <summary>
    /// The most activities one burst (a start, a resume: the run until everything waits or ends) may execute. A sales
    /// process does tens; a burst that reaches this is a loop, and is stopped as Faulted with an incident naming it.
    /// </summary>
    public int MaxActivitiesPerBurst { get; set; } = 10_000;

    /// <summary>The longest one burst may run (real time, between activities) before it is stopped the same way.</summary>
    public TimeSpan MaxBurstDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After this many bursts stopped for their budget, the instance is parked: retry refuses it.</summary>
    public int MaxBudgetFaults { get; set; } = 3;
}
