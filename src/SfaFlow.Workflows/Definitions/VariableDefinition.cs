using System.Text.Json;

namespace SfaFlow.Workflows.Definitions;

/// <summary>
/// A workflow or flowchart variable. Elsa writes the initial value as a string and converts it to
/// <see cref="TypeName"/> when the scope starts.
/// </summary>
public sealed record VariableDefinition(string Id, string Name, string TypeName)
{
    public bool IsArray { get; init; }

    /// <summary>The initial value as written in the file (usually a JSON string), or null.</summary>
    public JsonElement? Value { get; init; }

    public string? StorageDriverTypeName { get; init; }

    /// <summary>Keys SfaFlow does not interpret.</summary>
    public JsonDictionary Extra { get; init; } = JsonDictionary.Empty;
}
