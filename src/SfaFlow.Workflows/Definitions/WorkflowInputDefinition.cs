namespace SfaFlow.Workflows.Definitions;

/// <summary>A declared workflow input; scripts read it with <c>get&lt;Name&gt;()</c> or <c>getInput('name')</c>.</summary>
/// <param name="Name">The input name, matched case-insensitively against the instance input.</param>
/// <param name="Type">Elsa's type alias, for example <c>String</c> or <c>Object</c>.</param>
/// <param name="Raw">Every key of the declaration as written (display name, UI hint, ...), kept for the round trip.</param>
public sealed record WorkflowInputDefinition(string Name, string Type, JsonDictionary Raw);
