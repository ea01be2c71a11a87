namespace SfaFlow.Workflows.Definitions;

/// <summary>A declared workflow output, set by <c>Elsa.SetOutput</c>.</summary>
/// <param name="Name">The output name.</param>
/// <param name="Type">Elsa's type alias.</param>
/// <param name="Raw">Every key of the declaration as written, kept for the round trip.</param>
public sealed record WorkflowOutputDefinition(string Name, string Type, JsonDictionary Raw);
