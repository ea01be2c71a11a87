using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Execution;

internal sealed partial class WorkflowRun
{
    /// <summary>Cancels every running activity and ends the instance as Cancelled.</summary>
    public void CancelInstance()
    {
        foreach (var root in _live.Values.Where(c => c.Parent is null).ToList())
        {
            Cancel(root, notifyParent: false);
        }

        Instance.Bookmarks.Clear();
        Instance.Contexts.Clear();
        Instance.PendingWork.Clear();
        _live.Clear();
        Instance.Status = WorkflowStatus.Finished;
        Instance.SubStatus = WorkflowSubStatus.Cancelled;
    }

    /// <summary>Queues a new attempt of each faulted execution, then the work a fault interrupted.</summary>
    public void EnqueueRetry(IEnumerable<ActivityContextState> faulted)
    {
        foreach (var state in faulted)
        {
            Enqueue(WorkItem.Retry(_live[state.Id]));
        }

        EnqueuePendingWork();
    }

    /// <summary>Queues the work a fault or a crash interrupted (kept in <see cref="WorkflowInstance.PendingWork"/>).</summary>
    public void EnqueuePendingWork()
    {
        foreach (var pending in Instance.PendingWork)
        {
            if (pending.NodeId is { } nodeId)
            {
                var parent = pending.ParentContextId is null ? null : _live.GetValueOrDefault(pending.ParentContextId);
                Enqueue(WorkItem.Execute(Plan.NodesById[nodeId], parent, pending.LoopRun));
            }
            else if (pending.ContextId is { } contextId && _live.GetValueOrDefault(contextId) is { } context && pending.Bookmark is { } bookmark)
            {
                Enqueue(WorkItem.Resume(context, bookmark, pending.Payload));
            }
        }

        Instance.PendingWork.Clear();
        Instance.Status = WorkflowStatus.Running;
        Instance.SubStatus = WorkflowSubStatus.Executing;
        Instance.FinishedAt = null;
    }
}
