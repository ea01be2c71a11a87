namespace SfaFlow.Workflows.Definitions;

/// <summary>Thrown when a definition cannot be read or run; carries every located problem found.</summary>
public sealed class WorkflowDefinitionException : Exception
{
    public WorkflowDefinitionException(IReadOnlyList<DefinitionDiagnostic> diagnostics)
        : base(Describe(diagnostics)) => Diagnostics = diagnostics;

    public WorkflowDefinitionException()
        : this([])
    {
    }

    public WorkflowDefinitionException(string message)
        : this([new DefinitionDiagnostic("$", message)])
    {
    }

    public WorkflowDefinitionException(string message, Exception innerException)
        : base(message, innerException) => Diagnostics = [new DefinitionDiagnostic("$", message)];

    public IReadOnlyList<DefinitionDiagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<DefinitionDiagnostic> diagnostics) => diagnostics.Count switch
    {
        0 => "The workflow definition is invalid.",
        1 => $"The workflow definition is invalid: {diagnostics[0]}",
        _ => $"The workflow definition is invalid ({diagnostics.Count} problems):{Environment.NewLine}" +
             string.Join(Environment.NewLine, diagnostics.Select(d => "  " + d)),
    };
}
