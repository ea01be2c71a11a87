namespace SfaFlow.Workflows.Definitions;

/// <summary>What an <c>Elsa.Flowchart</c> holds: its activities, the connections between their ports, and its variables.</summary>
public sealed record FlowchartContent(
    IReadOnlyList<ActivityNode> Activities,
    IReadOnlyList<Connection> Connections,
    IReadOnlyList<VariableDefinition> Variables);
