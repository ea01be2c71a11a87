using SfaFlow.Workflows.Activities.Catalog;
using SfaFlow.Workflows.Activities.Composition;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Expressions;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Workflows.Execution;

internal sealed partial class ActivityExecutionContext
{
    /// <summary>
    /// The scopes visible from this activity, innermost first: each enclosing flowchart that declares variables, then the
    /// workflow. Each yields its declarations and the dictionary holding their values (keyed by variable id).
    /// </summary>
    private IEnumerable<(IReadOnlyList<VariableDefinition> Declared, Dictionary<string, object?> Values)> Scopes()
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.Node.Flowchart is { Variables.Count: > 0 } flowchart && scope.State.Variables is { } values)
            {
                yield return (flowchart.Variables, values);
            }

            // A workflow used as an activity sees its own variables and inputs, never its parent's.
            if (scope.Node.Descriptor?.Activity is WorkflowDefinitionActivity composite && scope.State.Variables is { } own)
            {
                yield return (composite.ScopeVariables, own);
                yield break;
            }
        }

        yield return (Run.Plan.DeclaredVariables, Run.Instance.Variables);
    }

    public object? GetVariableById(string id)
    {
        foreach (var (declared, values) in Scopes())
        {
            if (declared.Any(v => v.Id == id || v.Name == id))
            {
                var key = declared.First(v => v.Id == id || v.Name == id).Id;
                return values.GetValueOrDefault(key);
            }
        }

        return Run.Instance.Variables.GetValueOrDefault(id);
    }

    /// <summary>Sets a variable by id (SetVariable, output bindings), converting to its declared type.</summary>
    /// <exception cref="InvalidOperationException">No scope declares the variable.</exception>
    public void SetVariableById(string id, object? value)
    {
        foreach (var (declared, values) in Scopes())
        {
            var variable = declared.FirstOrDefault(v => v.Id == id) ?? declared.FirstOrDefault(v => v.Name == id);
            if (variable is not null)
            {
                values[variable.Id] = ConvertForVariable(variable, value);
                return;
            }
        }

        throw new InvalidOperationException($"Variable '{id}' not found.");
    }

    public object? GetVariable(string name)
    {
        foreach (var (declared, values) in Scopes())
        {
            var variable = declared.FirstOrDefault(v => v.Name == name);
            if (variable is not null)
            {
                return values.GetValueOrDefault(variable.Id);
            }
        }

        return Run.Instance.Variables.GetValueOrDefault(name);
    }

    /// <summary>Sets a variable by name; as in Elsa, an undeclared name creates a workflow variable.</summary>
    public void SetVariable(string name, object? value)
    {
        foreach (var (declared, values) in Scopes())
        {
            var variable = declared.FirstOrDefault(v => v.Name == name);
            if (variable is not null)
            {
                values[variable.Id] = ConvertForVariable(variable, value);
                return;
            }
        }

        Run.Instance.Variables[name] = value;
    }

    public IEnumerable<string> VisibleVariableNames =>
        Scopes().SelectMany(scope => scope.Declared.Select(v => v.Name))
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
