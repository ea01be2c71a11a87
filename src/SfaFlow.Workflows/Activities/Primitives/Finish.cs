using SfaFlow.Plugins.Activities;
using SfaFlow.Workflows.Execution;

namespace SfaFlow.Workflows.Activities.Primitives;

/// <summary>Ends the whole instance at once, at any nesting depth: queued work and bookmarks are dropped.</summary>
[Activity("Elsa.Finish", Category = "Primitives", DisplayName = "Finish", Outcomes = [], Description = "Finishes the workflow instance.")]
internal sealed class Finish : WorkflowActivity
{
    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ((ActivityExecutionContext)context).Run.FinishInstance();
        return ValueTask.CompletedTask;
    }
}
