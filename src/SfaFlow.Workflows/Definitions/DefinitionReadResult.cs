namespace SfaFlow.Workflows.Definitions;

/// <summary>The outcome of reading Elsa JSON: a definition when there was no error, and every diagnostic found.</summary>
public sealed record DefinitionReadResult(WorkflowDefinition? Definition, IReadOnlyList<DefinitionDiagnostic> Diagnostics)
{
    public bool Succeeded => Definition is not null && !Diagnostics.Any(d => d.IsError);

    /// <summary>The definition, or a <see cref="WorkflowDefinitionException"/> listing the errors.</summary>
    public WorkflowDefinition GetDefinitionOrThrow() =>
        Succeeded ? Definition! : throw new WorkflowDefinitionException([.. Diagnostics.Where(d => d.IsError)]);
}
