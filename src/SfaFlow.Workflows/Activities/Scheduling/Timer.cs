using SfaFlow.Plugins.Activities;

namespace SfaFlow.Workflows.Activities.Scheduling;

/// <summary>
/// As a trigger, starts a new instance every interval. Reached in normal flow, it waits one interval and continues once
/// (it does not repeat), as in Elsa.
/// </summary>
[Activity("Elsa.Timer", Category = "Scheduling", DisplayName = "Timer", Kind = ActivityKind.Trigger,
    Description = "Starts the workflow every interval, or waits one interval.")]
internal sealed class Timer : WorkflowActivity
{
    [Input(Description = "The interval, as [d.]hh:mm:ss.", UIHint = "timespan", DefaultValue = "00:01:00")]
    public Input<TimeSpan> Interval { get; } = new();

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (context.IsTriggerOfThisRun)
        {
            return ValueTask.CompletedTask;
        }

        var resumeAt = context.Now + context.GetInput(Interval);
        context.CreateBookmark(new BookmarkRequest("Elsa.Timer")
        {
            DueAt = resumeAt,
            Payload = new Dictionary<string, object?> { [TimerBookmarks.ResumeAt] = TimerBookmarks.Format(resumeAt) },
        });
        return ValueTask.CompletedTask;
    }
}
