using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Execution;

internal sealed partial class WorkflowRun
{
    /// <summary>
    /// Decides the status once the queue is empty, as Elsa does: finished when nothing is left open, suspended otherwise.
    /// Where Elsa would leave an instance suspended with nothing that could ever resume it (a merge waiting on a branch
    /// that was not taken), SfaFlow ends it as Faulted with an incident naming the wait.
    /// </summary>
    private void Settle()
    {
        Instance.UpdatedAt = Now;
        if (!Instance.IsFinished && _live.Count == 0)
        {
            Instance.Status = WorkflowStatus.Finished;
            Instance.SubStatus = WorkflowSubStatus.Finished;
        }

        if (Instance.IsFinished)
        {
            Instance.FinishedAt ??= Now;
            return;
        }

        Instance.SubStatus = WorkflowSubStatus.Suspended;
        if (Instance.Bookmarks.Count == 0 && !_live.Values.Any(static c => c.Status == ActivityStatus.Faulted))
        {
            ReportStall();
        }
    }

    private void ReportStall()
    {
        var reasons = _live.Values
            .Where(c => c.Node.Descriptor?.Activity is ICompositeActivity)
            .SelectMany(c => ((ICompositeActivity)c.Node.Descriptor!.Activity).DescribeStall(c).Select(r => (Composite: c, Reason: r)))
            .ToList();
        if (reasons.Count == 0)
        {
            var root = _live.Values.First(c => c.Parent is null);
            reasons.Add((root, new StallReason(root.Node.Id, "The instance can make no progress: nothing is running and nothing waits on a bookmark.")));
        }

        foreach (var (composite, reason) in reasons)
        {
            var node = Plan.NodesById.GetValueOrDefault($"{composite.Node.NodeId}:{reason.ActivityId}") ?? composite.Node;
            AddIncident(node.Id, node.NodeId, node.Type, null, reason.Message, null, null);
        }

        Instance.Status = WorkflowStatus.Finished;
        Instance.SubStatus = WorkflowSubStatus.Faulted;
        Instance.FinishedAt = Now;
    }
}
