using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Compilation;

/// <summary>
/// A definition compiled for execution: descriptors resolved, expressions and scripts compiled, flowcharts indexed.
/// Immutable and shared by every run of the definition on every thread.
/// </summary>
public sealed class WorkflowPlan
{
    internal WorkflowPlan(WorkflowDefinition definition, PlanNode root, IReadOnlyList<DefinitionDiagnostic> diagnostics)
    {
        Definition = definition;
        Root = root;
        Diagnostics = diagnostics;
        var nodes = new Dictionary<string, PlanNode>(StringComparer.Ordinal);
        var byActivity = new Dictionary<string, PlanNode>(StringComparer.Ordinal);
        var stack = new Stack<PlanNode>([root]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            nodes[node.NodeId] = node;
            byActivity.TryAdd(node.Id, node);
            foreach (var child in node.Flowchart?.Activities ?? [])
            {
                stack.Push(child);
            }

            if (node.Body is not null)
            {
                stack.Push(node.Body);
            }
        }

        NodesById = nodes;
        NodesByActivityId = byActivity;
        DeclaredVariables = definition.Variables;
        FlowchartMode = ReadMode(definition);
    }

    public WorkflowDefinition Definition { get; }

    /// <summary>The <see cref="Activities.Catalog.ActivityRegistry.Generation"/> the plan was compiled under.</summary>
    internal long RegistryGeneration { get; set; }

    /// <summary>Warnings found while compiling (unknown activity types, unknown merge modes).</summary>
    public IReadOnlyList<DefinitionDiagnostic> Diagnostics { get; }

    /// <summary>The mode the definition asks for under <c>customProperties["SfaFlow:FlowchartMode"]</c>, if any.</summary>
    public FlowchartMode? FlowchartMode { get; }

    internal PlanNode Root { get; }

    internal IReadOnlyDictionary<string, PlanNode> NodesById { get; }

    internal IReadOnlyDictionary<string, PlanNode> NodesByActivityId { get; }

    internal IReadOnlyList<VariableDefinition> DeclaredVariables { get; }

    private static FlowchartMode? ReadMode(WorkflowDefinition definition) =>
        ParseMode(definition.CustomProperties.GetString(WorkflowDefinition.FlowchartModeProperty));

    /// <summary>Reads a flowchart mode name: <c>CounterBased</c>/<c>TokenBased</c> or <c>counter</c>/<c>token</c>, any case.</summary>
    public static FlowchartMode? ParseMode(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "TOKEN" or "TOKENBASED" or "TOKEN-BASED" => Instances.FlowchartMode.TokenBased,
        "COUNTER" or "COUNTERBASED" or "COUNTER-BASED" => Instances.FlowchartMode.CounterBased,
        _ => null,
    };
}
