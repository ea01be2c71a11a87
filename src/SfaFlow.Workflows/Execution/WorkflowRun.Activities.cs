using SfaFlow.Plugins.Activities;
using SfaFlow.Workflows.Compilation;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Execution;

internal sealed partial class WorkflowRun
{
    private async Task ExecuteAsync(WorkItem item)
    {
        if (item.Node is { } node)
        {
            var context = CreateContext(node, item.Parent, item.LoopRun, item.IsTrigger, item.TriggerPayload);
            await InvokeAsync(context, (activity, ctx) => activity.ExecuteAsync(ctx));
            return;
        }

        var existing = item.Context!;
        if (existing.Status is ActivityStatus.Completed or ActivityStatus.Canceled)
        {
            return;
        }

        if (item.IsRetry)
        {
            existing.State.Status = ActivityStatus.Running;
            existing.State.Attempt++;
            existing.Journal = AppendJournal(existing);
            await InvokeAsync(existing, (activity, ctx) => activity.ExecuteAsync(ctx));
            return;
        }

        var resumption = item.ToResumption();
        await InvokeAsync(existing, (activity, ctx) => activity.ResumeAsync(ctx, resumption));
    }

    private ActivityExecutionContext CreateContext(PlanNode node, ActivityExecutionContext? parent, bool loopRun, bool isTrigger, object? triggerPayload)
    {
        var state = new ActivityContextState
        {
            Id = $"{node.Id}#{Instance.NextSequence}",
            NodeId = node.NodeId,
            ActivityId = node.Id,
            ActivityType = node.Type,
            ParentId = parent?.State.Id,
            LoopRun = loopRun,
            StartedAt = Now,
        };
        var context = new ActivityExecutionContext(this, node, parent, state) { IsTrigger = isTrigger, TriggerPayload = triggerPayload };
        context.Journal = AppendJournal(context);
        Instance.Contexts.Add(state);
        _live[state.Id] = context;
        return context;
    }

    private JournalEntry AppendJournal(ActivityExecutionContext context)
    {
        var entry = new JournalEntry
        {
            Sequence = Instance.NextSequence++,
            ActivityInstanceId = context.State.Id,
            ActivityId = context.Node.Id,
            ActivityName = context.Node.Node.Name,
            ActivityType = context.Node.Type,
            StartedAt = Now,
        };
        Instance.Journal.Add(entry);
        return entry;
    }

    private async Task InvokeAsync(ActivityExecutionContext context, Func<WorkflowActivity, ActivityExecutionContext, ValueTask> call)
    {
        var descriptor = context.Node.Descriptor;
        context.BeginInvocation();
        try
        {
            if (descriptor is null)
            {
                throw new UnknownActivityTypeException(context.Node.Type);
            }

            await call(descriptor.Activity, context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !CancellationToken.IsCancellationRequested)
        {
            context.EndInvocation();
            Fault(context, exception);
            return;
        }

        context.EndInvocation();
        if (context.Status != ActivityStatus.Running)
        {
            return;
        }

        if (context.PendingOutcomes is { } outcomes)
        {
            CompleteActivity(context, outcomes);
        }
        else if (context.BookmarksCreated == 0 && descriptor.Activity is not ICompositeActivity)
        {
            CompleteActivity(context, Outcomes.Done);
        }
    }

    /// <summary>Completes an execution and tells its composite, which decides what runs next.</summary>
    public void CompleteActivity(ActivityExecutionContext context, IReadOnlyList<string> outcomes)
    {
        if (context.Status != ActivityStatus.Running)
        {
            return;
        }

        Close(context, ActivityStatus.Completed, outcomes);
        if (context.Parent is { } parent && parent.Node.Descriptor?.Activity is ICompositeActivity composite)
        {
            try
            {
                composite.OnChildCompleted(parent, context, outcomes);
            }
            catch (Exception exception) when (exception is InvalidOperationException or Expressions.ValueConversionException)
            {
                // The composite could not decide what comes next (an invalid loop, say): that is the composite's fault.
                Fault(parent, exception);
            }
        }
    }

    /// <summary>Cancels an execution and everything running inside it; its bookmarks go with it.</summary>
    /// <param name="context">The execution to cancel.</param>
    /// <param name="notifyParent">Tell the composite (a lost race); false when the composite itself is completing.</param>
    public void Cancel(ActivityExecutionContext context, bool notifyParent)
    {
        if (context.Status is ActivityStatus.Completed or ActivityStatus.Canceled)
        {
            return;
        }

        foreach (var child in ChildrenOf(context).ToList())
        {
            Cancel(child, notifyParent: false);
        }

        foreach (var item in _queue.Where(i => ReferenceEquals(i.Parent, context) || ReferenceEquals(i.Context, context)))
        {
            item.Canceled = true;
        }

        Close(context, ActivityStatus.Canceled, null);
        if (notifyParent && context.Parent is { } parent && parent.Node.Descriptor?.Activity is ICompositeActivity composite)
        {
            composite.OnChildCanceled(parent, context);
        }
    }

    private void Close(ActivityExecutionContext context, ActivityStatus status, IReadOnlyList<string>? outcomes)
    {
        context.State.Status = status;
        if (context.Journal is { } journal)
        {
            journal.Status = status;
            journal.CompletedAt = Now;
            journal.Outcomes = outcomes;
        }

        RemoveBookmarksOf(context);
        Instance.Contexts.Remove(context.State);
        _live.Remove(context.State.Id);
    }

    private void RemoveBookmarksOf(ActivityExecutionContext context)
    {
        var bookmarks = Instance.Bookmarks;
        for (var i = bookmarks.Count - 1; i >= 0; i--)
        {
            if (bookmarks[i].ActivityInstanceId == context.State.Id)
            {
                bookmarks.RemoveAt(i);
            }
        }
    }

    /// <summary>Elsa.Finish: the whole instance ends now; queued work and bookmarks are dropped, nothing is cancelled.</summary>
    public void FinishInstance()
    {
        foreach (var item in _queue)
        {
            item.Canceled = true;
        }

        Instance.Bookmarks.Clear();
        Instance.Contexts.Clear();
        _live.Clear();
        Instance.Status = WorkflowStatus.Finished;
        Instance.SubStatus = WorkflowSubStatus.Finished;
    }

    public Bookmark AddBookmark(ActivityExecutionContext context, BookmarkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bookmark = new Bookmark
        {
            Id = Guid.NewGuid().ToString("N"),
            Name = request.Name,
            Key = request.Key,
            Hash = BookmarkHasher.Hash(request.Name, request.Payload.Where(p => !request.UnhashedKeys.Contains(p.Key)).ToDictionary()),
            Payload = request.Payload,
            ActivityId = context.Node.Id,
            ActivityNodeId = context.Node.NodeId,
            ActivityInstanceId = context.State.Id,
            CreatedAt = Now,
            DueAt = request.DueAt,
            AutoBurn = request.AutoBurn,
        };
        Instance.Bookmarks.Add(bookmark);
        return bookmark;
    }

    public void RecordOutput(ActivityExecutionContext context, string name, object? value)
    {
        if (!Instance.ActivityOutputs.TryGetValue(context.Node.Id, out var outputs))
        {
            outputs = new Dictionary<string, object?>(StringComparer.Ordinal);
            Instance.ActivityOutputs[context.Node.Id] = outputs;
        }

        outputs[name] = value;
        if (name == "result")
        {
            Instance.LastResult = value;
        }
    }
}
