using SfaFlow.Plugins.Activities;
using SfaFlow.Workflows.Execution;

namespace SfaFlow.Workflows.Activities.Flow;

/// <summary>A container: runs its body (usually a nested flowchart) and completes with Done when the body completes.</summary>
[Activity("Elsa.FlowNode", Category = "Flow", DisplayName = "Container", Description = "Runs a nested activity, usually a flowchart.")]
internal sealed class FlowNode : WorkflowActivity, ICompositeActivity
{
    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var container = (ActivityExecutionContext)context;
        if (container.Node.Body is { } body)
        {
            container.Run.Enqueue(WorkItem.Execute(body, container));
        }
        else
        {
            context.Complete();
        }

        return ValueTask.CompletedTask;
    }

    public void OnChildCompleted(ActivityExecutionContext composite, ActivityExecutionContext child, IReadOnlyList<string> outcomes) =>
        composite.Run.CompleteActivity(composite, Outcomes.Done);

    public void OnChildCanceled(ActivityExecutionContext composite, ActivityExecutionContext child) =>
        composite.Run.CompleteActivity(composite, Outcomes.Done);

    public IEnumerable<StallReason> DescribeStall(ActivityExecutionContext composite) => [];
}
