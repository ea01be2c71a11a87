using SfaFlow.Workflows.Activities.Catalog;
using SfaFlow.Workflows.Activities.Composition;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Expressions;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Workflows.Execution;

internal sealed partial class ActivityExecutionContext
{
    /// <summary>
    /// Finds a variable in the scopes visible from this activity, innermost first: each enclosing flowchart that declares
    /// variables, a workflow used as an activity (which hides everything outside it), then the workflow. Matches the id
    /// (or, for <paramref name="byName"/>, the name). Loops rather than LINQ: this runs for every variable access.
    /// </summary>
    private bool TryFindVariable(string key, bool byName, out VariableDefinition variable, out Dictionary<string, object?> values)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.Node.Flowchart is { Variables.Count: > 0 } flowchart && scope.State.Variables is { } declaredValues &&
                Find(flowchart.Variables, key, byName) is { } declared)
            {
                (variable, values) = (declared, declaredValues);
                return true;
            }

            // A workflow used as an activity sees its own variables and inputs, never its parent's.
            if (scope.Node.Descriptor?.Activity is WorkflowDefinitionActivity composite && scope.State.Variables is { } own)
            {
                var found = Find(composite.ScopeVariables, key, byName);
                (variable, values) = (found!, own);
                return found is not null;
            }
        }

        (variable, values) = (Find(Run.Plan.DeclaredVariables, key, byName)!, Run.Instance.Variables);
        return variable is not null;
    }

    private static VariableDefinition? Find(IReadOnlyList<VariableDefinition> declared, string key, bool byName)
    {
        for (var i = 0; i < declared.Count; i++)
        {
            if (byName ? declared[i].Name == key : declared[i].Id == key)
            {
                return declared[i];
            }
        }

        // References by id fall back to the name, as Elsa Studio sometimes writes names where ids belong.
        return byName ? null : Find(declared, key, byName: true);
    }

    public object? GetVariableById(string id) =>
        TryFindVariable(id, byName: false, out var variable, out var values)
            ? values.GetValueOrDefault(variable.Id)
            : Run.Instance.Variables.GetValueOrDefault(id);

    /// <summary>Sets a variable by id (SetVariable, output bindings), converting to its declared type.</summary>
    /// <exception cref="InvalidOperationException">No scope declares the variable.</exception>
    public void SetVariableById(string id, object? value)
    {
        if (!TryFindVariable(id, byName: false, out var variable, out var values))
        {
            throw new InvalidOperationException($"Variable '{id}' not found.");
        }

        values[variable.Id] = ConvertForVariable(variable, value);
    }

    public object? GetVariable(string name) =>
        TryFindVariable(name, byName: true, out var variable, out var values)
            ? values.GetValueOrDefault(variable.Id)
            : Run.Instance.Variables.GetValueOrDefault(name);

    /// <summary>Sets a variable by name; as in Elsa, an undeclared name creates a workflow variable.</summary>
    public void SetVariable(string name, object? value)
    {
        if (TryFindVariable(name, byName: true, out var variable, out var values))
        {
            values[variable.Id] = ConvertForVariable(variable, value);
        }
        else
        {
            Run.Instance.Variables[name] = value;
        }
    }

    /// <summary>Names of the variables visible from this activity, innermost first, then undeclared workflow variables.</summary>
    private IEnumerable<VariableDefinition> VisibleDeclarations()
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.Node.Flowchart is { Variables.Count: > 0 } flowchart && scope.State.Variables is not null)
            {
                foreach (var variable in flowchart.Variables)
                {
                    yield return variable;
                }
            }

            if (scope.Node.Descriptor?.Activity is WorkflowDefinitionActivity composite && scope.State.Variables is not null)
            {
                foreach (var variable in composite.ScopeVariables)
                {
                    yield return variable;
                }

                yield break;
            }
        }

        foreach (var variable in Run.Plan.DeclaredVariables)
        {
            yield return variable;
        }
    }

    public IEnumerable<string> VisibleVariableNames =>
        VisibleDeclarations().Select(v => v.Name)
            .Concat(Run.Instance.Variables.Keys.Where(key => !Run.Plan.DeclaredVariables.Any(v => v.Id == key)))
            .Distinct(StringComparer.Ordinal);

    public object? GetInput(string name) => Run.Instance.Input.GetValueOrDefault(name);

    public IEnumerable<string> DeclaredInputNames => Run.Plan.Definition.Inputs.Select(i => i.Name);

    public object? GetOutputFrom(string activityIdOrName, string? outputName)
    {
        var node = Run.Plan.NodesByActivityId.GetValueOrDefault(activityIdOrName)
            ?? Run.Plan.NodesById.Values.FirstOrDefault(n => n.Node.Name == activityIdOrName);
        if (node is null || !Run.Instance.ActivityOutputs.TryGetValue(node.Id, out var outputs))
        {
            return null;
        }

        var key = outputName ?? "result";
        return outputs.FirstOrDefault(o => string.Equals(o.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
    }

    /// <summary>
    /// Elsa's <c>get&lt;Output&gt;From&lt;Activity&gt;()</c>: only activities with outputs that are direct children of the nearest
    /// enclosing flowchart have accessors.
    /// </summary>
    public bool TryGetOutputByAccessor(string outputPascalName, string activityPascalName, out object? value)
    {
        value = null;
        var flowchart = this;
        while (flowchart is not null && flowchart.Node.Flowchart is null)
        {
            flowchart = flowchart.Parent;
        }

        var candidate = flowchart?.Node.Flowchart!.Activities.FirstOrDefault(a => a.AccessorName == activityPascalName);
        var output = candidate?.Descriptor?.Outputs.FirstOrDefault(o => ScriptGlobals.Pascalize(o.Name) == outputPascalName);
        if (candidate is null || output is null)
        {
            return false;
        }

        value = Run.Instance.ActivityOutputs.TryGetValue(candidate.Id, out var outputs) ? outputs.GetValueOrDefault(output.Name) : null;
        return true;
    }

    public object? LastResult => Run.Instance.LastResult;

    private static object? ConvertForVariable(VariableDefinition variable, object? value) =>
        ValueConverter.Convert(value, variable.IsArray ? typeof(object) : TypeAliases.Resolve(variable.TypeName));
}
