namespace SfaFlow.Workflows.Scripting;

/// <summary>What a script can see of the running workflow: the activity executing it and everything in its scope.</summary>
internal interface IScriptScope
{
    string WorkflowInstanceId { get; }

    string WorkflowDefinitionId { get; }

    string WorkflowDefinitionVersionId { get; }

    int WorkflowDefinitionVersion { get; }

    string? CorrelationId { get; set; }

    string? WorkflowInstanceName { get; set; }

    /// <summary>The value of a variable visible from the activity, by name; null when none exists.</summary>
    object? GetVariable(string name);

    /// <summary>Sets a visible variable by name, or creates it on the workflow when none exists.</summary>
    void SetVariable(string name, object? value);

    /// <summary>Names of the variables visible from the activity, innermost scope first.</summary>
    IEnumerable<string> VisibleVariableNames { get; }

    /// <summary>An instance input by name (case-insensitive); null when absent.</summary>
    object? GetInput(string name);

    /// <summary>Names of the inputs the definition declares (for <c>get&lt;Input&gt;()</c> accessors).</summary>
    IEnumerable<string> DeclaredInputNames { get; }

    /// <summary>An activity's latest output by activity id or name; <paramref name="outputName"/> defaults to <c>result</c>.</summary>
    object? GetOutputFrom(string activityIdOrName, string? outputName);

    /// <summary>Resolves Elsa's <c>get&lt;Output&gt;From&lt;Activity&gt;()</c> accessor for the activity's flowchart.</summary>
    bool TryGetOutputByAccessor(string outputPascalName, string activityPascalName, out object? value);

    /// <summary>The <c>result</c> of the most recent activity that produced one.</summary>
    object? LastResult { get; }

    CancellationToken CancellationToken { get; }
}
