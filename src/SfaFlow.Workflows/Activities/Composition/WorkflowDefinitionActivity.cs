using SfaFlow.Plugins.Activities;
using SfaFlow.Workflows.Activities.Catalog;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Expressions;

namespace SfaFlow.Workflows.Activities.Composition;

/// <summary>
/// A workflow used as an activity in another workflow (Elsa's <c>usableAsActivity</c>). It runs the child's root flowchart
/// inside the same instance, in a scope of its own: the child sees its own variables and its inputs (as variables), not the
/// parent's; <c>Elsa.SetOutput</c> inside it sets this activity's outputs, which the parent reads with
/// <c>get&lt;Output&gt;From&lt;Activity&gt;()</c>.
/// </summary>
internal sealed class WorkflowDefinitionActivity : WorkflowActivity, ICompositeActivity
{
    public WorkflowDefinitionActivity(WorkflowDefinition definition)
    {
        Definition = definition;
        ScopeVariables =
        [
            .. definition.Variables,
            .. definition.Inputs.Select(input => new VariableDefinition(input.Name, input.Name, input.Type)),
        ];
    }

    public WorkflowDefinition Definition { get; }

    /// <summary>What the child's activities see as variables: its own, then its inputs.</summary>
    public IReadOnlyList<VariableDefinition> ScopeVariables { get; }

    /// <summary>The activity type key: the child definition's name, Pascal-cased (as Elsa names it).</summary>
    public string TypeKey => Scripting.ScriptGlobals.Pascalize(Definition.Name ?? Definition.DefinitionId);

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var composite = (ActivityExecutionContext)context;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var variable in Definition.Variables)
        {
            values[variable.Id] = variable.Value is { } value ? ValueConverter.Convert(value, TypeAliases.Resolve(variable.TypeName)) : null;
        }

        var inputs = composite.Node.Descriptor!.Inputs;
        for (var i = 0; i < inputs.Count; i++)
        {
            values[inputs[i].Name] = composite.Node.Inputs[i]?.Evaluate(composite);
        }

        composite.State.Variables = values;
        composite.Run.Enqueue(WorkItem.Execute(composite.Node.Body!, composite));
        return ValueTask.CompletedTask;
    }

    public void OnChildCompleted(ActivityExecutionContext composite, ActivityExecutionContext child, IReadOnlyList<string> outcomes) =>
        composite.Run.CompleteActivity(composite, Outcomes.Done);

    public void OnChildCanceled(ActivityExecutionContext composite, ActivityExecutionContext child) =>
        composite.Run.CompleteActivity(composite, Outcomes.Done);

    public IEnumerable<StallReason> DescribeStall(ActivityExecutionContext composite) => [];

    /// <summary>The descriptor: the child's declared inputs and outputs become the activity's.</summary>
    public ActivityDescriptor Describe() => new()
    {
        TypeKey = TypeKey,
        DisplayName = Definition.Name ?? TypeKey,
        Category = "Workflows",
        Description = Definition.Description,
        Inputs = [.. Definition.Inputs.Select((input, index) => new InputDescriptor
        {
            Name = input.Name,
            TypeName = input.Type,
            DisplayName = input.Raw.GetString("displayName") ?? input.Name,
            Description = input.Raw.GetString("description"),
            UIHint = input.Raw.GetString("uiHint"),
            ValueType = typeof(object),
            Port = Attach(new Input<object?>(), input.Name, index),
        })],
        Outputs = [.. Definition.Outputs.Select((output, index) => new OutputDescriptor
        {
            Name = output.Name,
            TypeName = output.Type,
            DisplayName = output.Raw.GetString("displayName") ?? output.Name,
            Description = output.Raw.GetString("description"),
            Port = Attach(new Output<object?>(), output.Name, index),
        })],
        Outcomes = Definition.Outcomes.Count > 0 ? Definition.Outcomes : [DoneOutcome],
        Source = $"workflow:{Definition.DefinitionId}",
        Activity = this,
    };

    private static ActivityPort Attach(ActivityPort port, string name, int index)
    {
        port.AttachTo(name, index);
        return port;
    }
}
