using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Expressions;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Execution;

public sealed partial class WorkflowEngine
{
    /// <summary>Resumes the activity waiting on a bookmark; the payload reaches it (an event's data, a task's result).</summary>
    /// <exception cref="BookmarkNotFoundException">The bookmark was already consumed or never existed.</exception>
    /// <exception cref="InvalidOperationException">The instance has finished.</exception>
    public Task<WorkflowInstance> ResumeAsync(
        WorkflowDefinition definition, WorkflowInstance instance, string bookmarkId, object? payload = null, CancellationToken cancellationToken = default) =>
        ResumeAsync(definition, instance, bookmarkId, payload, checkpoint: null, cancellationToken);

    /// <inheritdoc cref="ResumeAsync(WorkflowDefinition, WorkflowInstance, string, object?, CancellationToken)"/>
    public Task<WorkflowInstance> ResumeAsync(
        WorkflowDefinition definition, WorkflowInstance instance, string bookmarkId, object? payload,
        Func<WorkflowInstance, CancellationToken, ValueTask>? checkpoint, CancellationToken cancellationToken = default) =>
        ResumeAsync(definition, instance, [bookmarkId], payload, checkpoint, cancellationToken);

    /// <summary>
    /// Resumes several bookmarks with one payload in one run, in the given order: one event that several of an instance's
    /// activities wait on. Whatever one resume cancels or finishes, the later ones find done, as separate resumes would.
    /// </summary>
    /// <exception cref="BookmarkNotFoundException">A bookmark was already consumed or never existed.</exception>
    /// <exception cref="InvalidOperationException">The instance has finished.</exception>
    public Task<WorkflowInstance> ResumeAsync(
        WorkflowDefinition definition, WorkflowInstance instance, IReadOnlyList<string> bookmarkIds, object? payload,
        Func<WorkflowInstance, CancellationToken, ValueTask>? checkpoint, CancellationToken cancellationToken = default) =>
        ResumeAsync(definition, instance, bookmarkIds, payload, RunHooks.EveryActivity(checkpoint), cancellationToken);

    /// <inheritdoc cref="ResumeAsync(WorkflowDefinition, WorkflowInstance, IReadOnlyList{string}, object?, Func{WorkflowInstance, CancellationToken, ValueTask}?, CancellationToken)"/>
    public async Task<WorkflowInstance> ResumeAsync(
        WorkflowDefinition definition, WorkflowInstance instance, IReadOnlyList<string> bookmarkIds, object? payload,
        RunHooks hooks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(hooks);
        ArgumentNullException.ThrowIfNull(bookmarkIds);
        EnsureRunnable(instance, "resumed");
        var bookmarks = bookmarkIds
            .Select(id => instance.Bookmarks.FirstOrDefault(b => b.Id == id) ?? throw new BookmarkNotFoundException(instance.Id, id))
            .ToList();
        using var run = new WorkflowRun(_services, Prepare(definition), instance, cancellationToken) { Hooks = hooks };
        payload = payload is System.Text.Json.JsonElement element ? ValueConverter.FromJsonElement(element) : payload;
        foreach (var bookmark in bookmarks)
        {
            var context = run.FindContext(bookmark.ActivityInstanceId)
                ?? throw new InvalidOperationException($"Bookmark '{bookmark.Id}' belongs to activity execution '{bookmark.ActivityInstanceId}', which instance '{instance.Id}' no longer has.");
            if (bookmark.AutoBurn)
            {
                instance.Bookmarks.Remove(bookmark);
            }

            run.Enqueue(WorkItem.Resume(context, bookmark, payload));
        }

        await run.RunAsync();
        return instance;
    }

    /// <summary>Cancels the instance: everything running stops, its bookmarks are removed, and it ends Cancelled.</summary>
    public async Task<WorkflowInstance> CancelAsync(WorkflowDefinition definition, WorkflowInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        EnsureRunnable(instance, "cancelled");
        using var run = new WorkflowRun(_services, Prepare(definition), instance, cancellationToken);
        run.CancelInstance();
        await run.RunAsync();
        return instance;
    }

    /// <summary>
    /// Runs the faulted activities again (a new attempt each), then the work their fault interrupted (or that a burst
    /// stopped for running out of its budget left).
    /// </summary>
    /// <exception cref="InvalidOperationException">Nothing in the instance can be retried, or it is parked.</exception>
    public Task<WorkflowInstance> RetryAsync(WorkflowDefinition definition, WorkflowInstance instance, CancellationToken cancellationToken = default) =>
        RetryAsync(definition, instance, RunHooks.None, cancellationToken);

    /// <inheritdoc cref="RetryAsync(WorkflowDefinition, WorkflowInstance, CancellationToken)"/>
    public async Task<WorkflowInstance> RetryAsync(WorkflowDefinition definition, WorkflowInstance instance, RunHooks hooks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(hooks);
        if (instance.IsParked)
        {
            throw new InvalidOperationException(
                $"Instance '{instance.Id}' is parked and is not run again: {instance.Incidents.Last(i => i.Kind is IncidentKinds.Parked or IncidentKinds.StateLimit).Message}");
        }

        var faulted = instance.Contexts.Where(c => c.Status == ActivityStatus.Faulted).ToList();
        if (faulted.Count == 0 && instance.PendingWork.Count == 0)
        {
            throw new InvalidOperationException($"Instance '{instance.Id}' has no faulted activity to retry.");
        }

        using var run = new WorkflowRun(_services, Prepare(definition), instance, cancellationToken) { Hooks = hooks };
        run.EnqueueRetry(faulted);
        await run.RunAsync();
        return instance;
    }

    /// <summary>
    /// Continues an instance whose run was interrupted after a commit-per-activity checkpoint: runs the work the
    /// checkpoint recorded as still to do.
    /// </summary>
    public Task<WorkflowInstance> ContinueAsync(
        WorkflowDefinition definition, WorkflowInstance instance, Func<WorkflowInstance, CancellationToken, ValueTask>? checkpoint = null, CancellationToken cancellationToken = default) =>
        ContinueAsync(definition, instance, RunHooks.EveryActivity(checkpoint), cancellationToken);

    /// <inheritdoc cref="ContinueAsync(WorkflowDefinition, WorkflowInstance, Func{WorkflowInstance, CancellationToken, ValueTask}?, CancellationToken)"/>
    public async Task<WorkflowInstance> ContinueAsync(WorkflowDefinition definition, WorkflowInstance instance, RunHooks hooks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(hooks);
        EnsureRunnable(instance, "continued");
        using var run = new WorkflowRun(_services, Prepare(definition), instance, cancellationToken) { Hooks = hooks };
        run.EnqueuePendingWork();
        await run.RunAsync();
        return instance;
    }
}
