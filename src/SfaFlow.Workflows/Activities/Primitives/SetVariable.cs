using SfaFlow.Plugins.Activities;
using SfaFlow.Workflows.Compilation;
using SfaFlow.Workflows.Execution;

namespace SfaFlow.Workflows.Activities.Primitives;

/// <summary>
/// Sets a variable, found by id only (as in Elsa) among the variables visible from the activity; the value is converted
/// to the variable's declared type.
/// </summary>
[Activity("Elsa.SetVariable", Category = "Primitives", DisplayName = "Set Variable", Description = "Assigns a value to a variable.")]
internal sealed class SetVariable : WorkflowActivity, ICompilingActivity
{
    [Input(Description = "The variable to set.", IsWrapped = false, UIHint = "variable-picker", IsRequired = true)]
    public Input<VariableReference?> Variable { get; } = new();

    [Input(Description = "The value to assign.")]
    public Input<object?> Value { get; } = new();

    public void Compile(NodeCompilation compilation)
    {
        if (!compilation.TryGetConstant(Variable.Index, out var value) || value is not VariableReference { Id: { Length: > 0 } id })
        {
            compilation.Error("variable", "Set Variable needs the variable's id.");
            return;
        }

        if (!compilation.VariableIds.Contains(id))
        {
            compilation.Error("variable.id", $"Variable '{id}' is not declared by the workflow or an enclosing flowchart.");
        }
    }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var target = context.GetInput(Variable)!;
        ((ActivityExecutionContext)context).SetVariableById(target.Id!, context.GetInput(Value));
        return ValueTask.CompletedTask;
    }
}

/// <summary>A reference to a variable as Elsa writes it; only the id is used.</summary>
public sealed record VariableReference(string? Id, string? Name, string? TypeName);
