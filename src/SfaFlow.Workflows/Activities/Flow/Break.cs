using SfaFlow.Plugins.Activities;

namespace SfaFlow.Workflows.Activities.Flow;

/// <summary>Elsa's Break: without an enclosing loop activity it completes its flowchart, like End.</summary>
[Activity("Elsa.Break", Category = "Looping", DisplayName = "Break", Outcomes = [],
    Description = "Leaves the enclosing flowchart (or loop).")]
internal sealed class Break : WorkflowActivity, ITerminalActivity
{
    public override ValueTask ExecuteAsync(IActivityExecutionContext context) => ValueTask.CompletedTask;
}
