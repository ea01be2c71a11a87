using System.Text.Json;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Expressions;

namespace SfaFlow.Workflows.Compilation;

/// <summary>What an <see cref="ICompilingActivity"/> sees of the node being compiled.</summary>
internal sealed class NodeCompilation(
    PlanNode node, string path, ExpressionCompiler expressions, IReadOnlySet<string> variableIds, List<DefinitionDiagnostic> diagnostics)
{
    public PlanNode Node { get; } = node;

    /// <summary>The JSON path of the activity object.</summary>
    public string Path { get; } = path;

    public ExpressionCompiler Expressions { get; } = expressions;

    /// <summary>Ids and names of the variables visible at this activity.</summary>
    public IReadOnlySet<string> VariableIds { get; } = variableIds;

    public JsonElement? Property(string key) =>
        Node.Node.Properties.TryGetValue(key, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>The compiled input at a descriptor index, when it is a constant.</summary>
    public bool TryGetConstant(int inputIndex, out object? value)
    {
        if (Node.Inputs.Length > inputIndex && Node.Inputs[inputIndex] is ConstantInput constant)
        {
            value = constant.Value;
            return true;
        }

        value = null;
        return false;
    }

    public void Error(string relativePath, string message) =>
        diagnostics.Add(new DefinitionDiagnostic(relativePath.Length == 0 ? Path : $"{Path}.{relativePath}", message));

    public void Warning(string relativePath, string message) =>
        diagnostics.Add(new DefinitionDiagnostic(relativePath.Length == 0 ? Path : $"{Path}.{relativePath}", message, DiagnosticSeverity.Warning));
}
