using SfaFlow.Plugins.Activities;
using SfaFlow.Workflows.Execution;

namespace SfaFlow.Workflows.Activities.Primitives;

/// <summary>
/// Sets an output: of the enclosing workflow-used-as-activity when it declares one by that name, else of the workflow (the
/// name is not checked against the declared outputs, as in Elsa).
/// </summary>
[Activity("Elsa.SetOutput", Category = "Composition", DisplayName = "Set Output", Description = "Sets an output of the workflow.")]
internal sealed class SetOutput : WorkflowActivity
{
    [Input(Description = "The output's name.", IsRequired = true)]
    public Input<string?> OutputName { get; } = new();

    [Input(Description = "The value.")]
    public Input<object?> OutputValue { get; } = new();

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var name = context.GetInput(OutputName);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidOperationException("Set Output needs an output name.");
        }

        var value = context.GetInput(OutputValue);
        var execution = (ActivityExecutionContext)context;

        // The nearest ancestor above the enclosing flowchart that declares this output (a workflow used as an activity).
        for (var ancestor = execution.Parent?.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (ancestor.Node.Descriptor?.Outputs.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)) is { } output)
            {
                ancestor.Run.RecordOutput(ancestor, output.Name, value);
                return ValueTask.CompletedTask;
            }
        }

        context.SetWorkflowOutput(name, value);
        return ValueTask.CompletedTask;
    }
}
