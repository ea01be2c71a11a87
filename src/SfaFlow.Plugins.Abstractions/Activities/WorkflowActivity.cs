namespace SfaFlow.Plugins.Activities;

/// <summary>
/// Base class of every activity: built-in, SFA and plugin. Mark the class with <see cref="ActivityAttribute"/>, declare
/// <see cref="Input{T}"/> and <see cref="Output{T}"/> properties, and override <see cref="ExecuteAsync"/>.
/// </summary>
/// <remarks>
/// The host creates one instance per activity type and shares it across all workflows and threads, so an activity keeps no
/// state in fields: everything about one execution lives in the <see cref="IActivityExecutionContext"/>.
/// When <see cref="ExecuteAsync"/> returns without calling <see cref="IActivityExecutionContext.Complete(string[])"/> and
/// without creating a bookmark, the activity completes with <see cref="DoneOutcome"/>.
/// </remarks>
public abstract class WorkflowActivity
{
    /// <summary>The default outcome port.</summary>
    public const string DoneOutcome = "Done";

    /// <summary>Runs the activity.</summary>
    /// <param name="context">The running activity's inputs, outputs, variables and services.</param>
    public abstract ValueTask ExecuteAsync(IActivityExecutionContext context);

    /// <summary>
    /// Called when one of the bookmarks this activity created is resumed. The default completes with
    /// <see cref="DoneOutcome"/>.
    /// </summary>
    /// <param name="context">The activity's context, restored.</param>
    /// <param name="resumption">The bookmark being resumed and the payload it was resumed with.</param>
    public virtual ValueTask ResumeAsync(IActivityExecutionContext context, BookmarkResumption resumption)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
