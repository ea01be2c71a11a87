using SfaFlow.Plugins.Activities;

namespace SfaFlow.Workflows.Activities.Flow;

/// <summary>Completes its flowchart at once, cancelling the flowchart's other branches; an outer flowchart carries on.</summary>
[Activity("Elsa.End", Category = "Flow", DisplayName = "End", Outcomes = [],
    Description = "Completes the flowchart it is in and cancels that flowchart's other branches.")]
internal sealed class End : WorkflowActivity, ITerminalActivity
{
    public override ValueTask ExecuteAsync(IActivityExecutionContext context) => ValueTask.CompletedTask;
}
