using SfaFlow.Plugins.Activities;

namespace SfaFlow.Workflows.Activities.Scheduling;

/// <summary>Waits for a time span, then continues. The instance is suspended (and persisted) while it waits.</summary>
[Activity("Elsa.Delay", Category = "Scheduling", DisplayName = "Delay", Description = "Waits for a period of time.")]
internal sealed class Delay : WorkflowActivity
{
    [Input(Description = "How long to wait, as [d.]hh:mm:ss (00:05:00 is five minutes).", UIHint = "timespan", DefaultValue = "00:01:00")]
    public Input<TimeSpan> TimeSpan { get; } = new();

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var resumeAt = context.Now + context.GetInput(TimeSpan);
        context.CreateBookmark(new BookmarkRequest("Elsa.Delay")
        {
            DueAt = resumeAt,
            Payload = new Dictionary<string, object?> { [TimerBookmarks.ResumeAt] = TimerBookmarks.Format(resumeAt) },
        });
        return ValueTask.CompletedTask;
    }
}
