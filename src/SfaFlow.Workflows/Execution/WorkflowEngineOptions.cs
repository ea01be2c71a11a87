using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Execution;

/// <summary>Engine settings, bound from <c>SfaFlow:Workflows</c>.</summary>
public sealed class WorkflowEngineOptions
{
    public const string SectionName = "SfaFlow:Workflows";

    /// <summary>The flowchart mode when neither the run nor the definition chooses one (Elsa 3.6's default).</summary>
    public FlowchartMode DefaultFlowchartMode { get; set; } = FlowchartMode.CounterBased;
}
