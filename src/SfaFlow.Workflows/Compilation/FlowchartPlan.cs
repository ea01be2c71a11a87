using System.Collections.Concurrent;
using SfaFlow.Workflows.Definitions;

namespace SfaFlow.Workflows.Compilation;

/// <summary>A compiled flowchart: its activities, connections by source and target, and its loop analysis per start.</summary>
internal sealed class FlowchartPlan
{
    private readonly ConcurrentDictionary<int, FlowGraph> _graphs = new();

    public required PlanNode[] Activities { get; init; }

    public required ConnectionPlan[] Connections { get; init; }

    /// <summary>Outbound connections per activity, in document order (Elsa schedules targets in that order).</summary>
    public required ConnectionPlan[][] Outbound { get; init; }

    public required ConnectionPlan[][] Inbound { get; init; }

    public required IReadOnlyList<VariableDefinition> Variables { get; init; }

    /// <summary>The start activity for a run not started by a trigger, or -1 when the flowchart is empty.</summary>
    public required int DefaultStart { get; init; }

    public int IndexOf(string activityId) => Array.FindIndex(Activities, a => a.Id == activityId);

    /// <summary>The forward/backward analysis from a start activity, computed once and shared.</summary>
    public FlowGraph GraphFrom(int start) => _graphs.GetOrAdd(start, s => FlowGraph.Analyze(this, s));
}
