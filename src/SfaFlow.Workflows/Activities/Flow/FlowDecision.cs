using SfaFlow.Plugins.Activities;
using SfaFlow.Workflows.Execution;

namespace SfaFlow.Workflows.Activities.Flow;

/// <summary>Takes the True or the False port depending on a condition.</summary>
[Activity("Elsa.FlowDecision", Category = "Branching", DisplayName = "Decision", Outcomes = ["True", "False"],
    Description = "Continues on True or False depending on a condition.")]
internal sealed class FlowDecision : WorkflowActivity
{
    [Input(Description = "The condition, usually JavaScript such as lead.score > 50.", DefaultSyntax = "JavaScript", UIHint = "code-editor")]
    public Input<bool> Condition { get; } = new();

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        context.Complete(context.GetInput(Condition) ? Outcomes.True : Outcomes.False);
        return ValueTask.CompletedTask;
    }
}
