using SfaFlow.Cli.Hosting;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Cli.Running;

/// <summary>
/// Plays the outside world for one in-memory run: starts the instance, fires due timers at once (earliest first, moving the
/// clock to each), and publishes the requested event once no timer is left, then fires any timers that follow it.
/// </summary>
internal sealed class WorkflowDriver(EngineHost host, WorkflowDefinition definition, RunRequest request)
{
    private const string EventBookmark = "Elsa.Event";

    private readonly List<string> _warnings = [];
    private int _resumes;

    public async Task<RunOutcome> RunAsync(CancellationToken cancellationToken = default)
    {
        var options = new StartWorkflowOptions { Input = request.Input, FlowchartMode = request.FlowchartMode };
        var instance = await host.Engine.StartAsync(definition, options, cancellationToken);
        var eventPending = request.ResumeEvent is not null;
        var stoppedAtLimit = false;
        while (!instance.IsFinished)
        {
            var timer = request.FastTimers ? NextTimer(instance) : null;
            if (timer is null && !eventPending)
            {
                break;
            }

            // Checked only when there is something left to resume, so a run that ends by itself never reports the limit.
            if (_resumes >= request.MaxResumes)
            {
                stoppedAtLimit = true;
                _warnings.Add($"Stopped after {request.MaxResumes} resumes; the workflow may wait on timers in an endless loop.");
                break;
            }

            if (timer is not null)
            {
                host.Clock.AdvanceTo(timer.DueAt!.Value);
                instance = await ResumeAsync(instance, timer, payload: null, cancellationToken);
            }
            else
            {
                eventPending = false;
                instance = await PublishEventAsync(instance, request.ResumeEvent!, cancellationToken);
            }
        }

        if (eventPending && !stoppedAtLimit)
        {
            _warnings.Add($"The workflow finished before event '{request.ResumeEvent}' was published.");
        }

        return new RunOutcome(definition, instance, host.Lines.Lines, _warnings, stoppedAtLimit);
    }

    private static Bookmark? NextTimer(WorkflowInstance instance) =>
        instance.Bookmarks.Where(b => b.DueAt is not null).MinBy(b => b.DueAt);

    /// <summary>Resumes every bookmark waiting for the event when it is published, as Elsa's event publisher does.</summary>
    private async Task<WorkflowInstance> PublishEventAsync(WorkflowInstance instance, string name, CancellationToken cancellationToken)
    {
        var waiting = instance.Bookmarks.Where(b => b.Name == EventBookmark && b.Key == name).ToList();
        if (waiting.Count == 0)
        {
            _warnings.Add($"No bookmark waits for event '{name}'; it was not delivered.");
        }

        foreach (var bookmark in waiting)
        {
            // Resuming one waiter can finish the instance or cancel the branch holding the next.
            if (instance.IsFinished || instance.Bookmarks.All(b => b.Id != bookmark.Id))
            {
                continue;
            }

            instance = await ResumeAsync(instance, bookmark, request.Payload, cancellationToken);
        }

        return instance;
    }

    private Task<WorkflowInstance> ResumeAsync(WorkflowInstance instance, Bookmark bookmark, object? payload, CancellationToken cancellationToken)
    {
        _resumes++;
        return host.Engine.ResumeAsync(definition, instance, bookmark.Id, payload, cancellationToken);
    }
}
