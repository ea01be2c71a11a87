using SfaFlow.Plugins.Activities;

namespace SfaFlow.Workflows.Activities.Scheduling;

/// <summary>As a trigger, starts one instance at a moment; in normal flow, waits until that moment (at once if it is past).</summary>
[Activity("Elsa.StartAt", Category = "Scheduling", DisplayName = "Start At", Kind = ActivityKind.Trigger,
    Description = "Starts the workflow at a moment, or waits until then.")]
internal sealed class StartAt : WorkflowActivity
{
    [Input(Description = "The moment, ISO 8601 (2026-07-01T09:00:00+00:00); without an offset, UTC.", UIHint = "datetime", IsRequired = true)]
    public Input<DateTimeOffset> DateTime { get; } = new();

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var at = context.GetInput(DateTime);
        if (context.IsTriggerOfThisRun || at <= context.Now)
        {
            return ValueTask.CompletedTask;
        }

        context.CreateBookmark(new BookmarkRequest("Elsa.StartAt")
        {
            DueAt = at,
            Payload = new Dictionary<string, object?> { [TimerBookmarks.ExecuteAt] = TimerBookmarks.Format(at) },
        });
        return ValueTask.CompletedTask;
    }
}
