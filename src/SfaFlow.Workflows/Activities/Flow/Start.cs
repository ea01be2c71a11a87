using SfaFlow.Plugins.Activities;

namespace SfaFlow.Workflows.Activities.Flow;

/// <summary>The manual entry point of a flowchart; it completes at once.</summary>
[Activity("Elsa.Start", Category = "Flow", DisplayName = "Start", Description = "Marks where a flowchart starts.")]
internal sealed class Start : WorkflowActivity
{
    public override ValueTask ExecuteAsync(IActivityExecutionContext context) => ValueTask.CompletedTask;
}
