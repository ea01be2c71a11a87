using SfaFlow.Plugins.Activities;

namespace SfaFlow.Workflows.Plugins;

/// <summary>
/// What the registry holds for a plugin activity: runs the plugin's own activity in a scope of the plugin's services acting
/// for the workflow instance, under <see cref="PluginOptions.ActivityTimeout"/>. An activity that ignores its cancellation
/// token past the deadline is abandoned: its context is closed (whatever it does later is refused) and the step fails, so
/// the instance gets an incident instead of a hung run.
/// </summary>
internal sealed class PluginActivity(PluginLoad load, WorkflowActivity inner, TimeSpan timeout) : WorkflowActivity
{
    // Cleared on unload so that a compiled plan still holding this object does not keep the plugin's context alive.
    private PluginLoad? _load = load;
    private WorkflowActivity? _inner = inner;

    public string PluginId { get; } = load.Id;

    public override ValueTask ExecuteAsync(IActivityExecutionContext context) =>
        RunAsync(context, (activity, ctx) => activity.ExecuteAsync(ctx));

    public override ValueTask ResumeAsync(IActivityExecutionContext context, BookmarkResumption resumption) =>
        RunAsync(context, (activity, ctx) => activity.ResumeAsync(ctx, resumption));

    public void Detach()
    {
        _load = null;
        _inner = null;
    }

    private async ValueTask RunAsync(IActivityExecutionContext context, Func<WorkflowActivity, IActivityExecutionContext, ValueTask> call)
    {
        ArgumentNullException.ThrowIfNull(context);
        var load = _load;
        var inner = _inner;
        if (load is null || inner is null)
        {
            throw new InvalidOperationException($"Plugin {PluginId} was unloaded; its activity '{context.ActivityType}' is not available.");
        }

        await using var scope = load.OpenScope(new PluginCaller(PluginCallerKind.Workflow, context.WorkflowInstanceId));
        PluginActivityContext? guarded = null;
        try
        {
            await PluginDeadline.RunAsync(
                token =>
                {
                    guarded = new PluginActivityContext(context, scope.ServiceProvider, load.Json, token);
                    return call(inner, guarded).AsTask();
                },
                timeout,
                $"Plugin activity '{context.ActivityType}' ({PluginId}) did not finish within {timeout.TotalSeconds:0.###} s; it was cancelled and the step failed.",
                () => guarded?.Close(),
                context.CancellationToken);
        }
        finally
        {
            guarded?.Close();
        }
    }
}
