namespace SfaFlow.Workflows.Scripting;

/// <summary>
/// The scope of a script evaluated outside any workflow (a stage gate, a qualification rule): the values it is given are
/// its inputs, and so its input globals; it has no variables, outputs or instance.
/// </summary>
internal sealed class StandaloneScriptScope(IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken) : IScriptScope
{
    private readonly Dictionary<string, object?> _variables = new(StringComparer.Ordinal);

    public string WorkflowInstanceId => "";

    public string WorkflowDefinitionId => "";

    public string WorkflowDefinitionVersionId => "";

    public int WorkflowDefinitionVersion => 0;

    public string? CorrelationId { get; set; }

    public string? WorkflowInstanceName { get; set; }

    public IEnumerable<string> VisibleVariableNames => _variables.Keys;

    public IEnumerable<string> DeclaredInputNames => values.Keys;

    public object? LastResult => null;

    public CancellationToken CancellationToken => cancellationToken;

    public object? GetVariable(string name) => _variables.GetValueOrDefault(name);

    // Local to the evaluation: a rule may use scratch variables, nothing outlives it.
    public void SetVariable(string name, object? value) => _variables[name] = value;

    public object? GetInput(string name) =>
        values.TryGetValue(name, out var exact) ? exact : values.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public object? GetOutputFrom(string activityIdOrName, string? outputName) => null;

    public bool TryGetOutputByAccessor(string outputPascalName, string activityPascalName, out object? value)
    {
        value = null;
        return false;
    }
}
