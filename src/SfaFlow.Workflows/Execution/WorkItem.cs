using SfaFlow.Plugins.Activities;
using SfaFlow.Workflows.Compilation;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Execution;

/// <summary>One entry of a run's FIFO queue: run an activity, or resume one with a bookmark.</summary>
internal sealed class WorkItem
{
    private WorkItem()
    {
    }

    /// <summary>The activity to run (null for a resume).</summary>
    public PlanNode? Node { get; private init; }

    /// <summary>The composite the new execution belongs to (null for the root).</summary>
    public ActivityExecutionContext? Parent { get; private init; }

    public bool LoopRun { get; private init; }

    /// <summary>Set when this activity is the trigger that started the instance.</summary>
    public bool IsTrigger { get; private init; }

    public object? TriggerPayload { get; private init; }

    /// <summary>The execution to resume or retry.</summary>
    public ActivityExecutionContext? Context { get; private init; }

    public Bookmark? Bookmark { get; private init; }

    public object? Payload { get; private init; }

    /// <summary>A retry of a faulted execution.</summary>
    public bool IsRetry { get; private init; }

    /// <summary>Cancelled while queued (its composite was cancelled); skipped when dequeued.</summary>
    public bool Canceled { get; set; }

    public static WorkItem Execute(PlanNode node, ActivityExecutionContext? parent, bool loopRun = false) =>
        new() { Node = node, Parent = parent, LoopRun = loopRun };

    public static WorkItem Trigger(PlanNode node, ActivityExecutionContext parent, object? payload) =>
        new() { Node = node, Parent = parent, IsTrigger = true, TriggerPayload = payload };

    public static WorkItem Resume(ActivityExecutionContext context, Bookmark bookmark, object? payload) =>
        new() { Context = context, Bookmark = bookmark, Payload = payload };

    public static WorkItem Retry(ActivityExecutionContext context) => new() { Context = context, IsRetry = true };

    public BookmarkResumption ToResumption() =>
        new(Bookmark!.Id, Bookmark.Name, Bookmark.Key, Payload);

    public PendingWork ToPending() => new()
    {
        NodeId = Node?.NodeId,
        ParentContextId = Parent?.State.Id,
        LoopRun = LoopRun,
        ContextId = Context?.State.Id,
        Bookmark = Bookmark,
        Payload = Payload,
    };
}
