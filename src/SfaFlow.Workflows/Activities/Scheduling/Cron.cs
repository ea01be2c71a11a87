using Cronos;
using SfaFlow.Plugins.Activities;
using SfaFlow.Workflows.Compilation;

namespace SfaFlow.Workflows.Activities.Scheduling;

/// <summary>
/// As a trigger, starts a new instance at every occurrence of a cron schedule. In normal flow, waits for the next
/// occurrence and continues once. Expressions have six fields, seconds first, evaluated in UTC (as in Elsa).
/// </summary>
[Activity("Elsa.Cron", Category = "Scheduling", DisplayName = "Cron", Kind = ActivityKind.Trigger,
    Description = "Starts the workflow on a cron schedule, or waits for its next occurrence.")]
internal sealed class Cron : WorkflowActivity, ICompilingActivity
{
    [Input(Description = "Six fields, seconds first, in UTC: '0 0 8 * * 1-5' is 08:00 on weekdays.", UIHint = "cron")]
    public Input<string?> CronExpression { get; } = new();

    public void Compile(NodeCompilation compilation)
    {
        if (compilation.TryGetConstant(CronExpression.Index, out var value) && value is string { Length: > 0 } text &&
            TryParse(text, out var error) is null)
        {
            compilation.Error("cronExpression.expression.value", $"Error when parsing cron expression '{text}': {error}");
        }
    }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var text = context.GetInput(CronExpression);
        if (context.IsTriggerOfThisRun || string.IsNullOrWhiteSpace(text))
        {
            return ValueTask.CompletedTask;
        }

        var schedule = TryParse(text, out var error) ?? throw new FormatException($"Error when parsing cron expression '{text}': {error}");
        var next = schedule.GetNextOccurrence(context.Now, TimeZoneInfo.Utc)
            ?? throw new InvalidOperationException($"The cron expression '{text}' has no future occurrence.");
        context.CreateBookmark(new BookmarkRequest("Elsa.Cron")
        {
            DueAt = next,
            Payload = new Dictionary<string, object?>
            {
                [TimerBookmarks.ExecuteAt] = TimerBookmarks.Format(next),
                [TimerBookmarks.CronExpression] = text,
            },
        });
        return ValueTask.CompletedTask;
    }

    /// <summary>Parses a six-field expression; null with the reason when it is not valid.</summary>
    internal static CronExpression? TryParse(string text, out string? error)
    {
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields != 6)
        {
            error = $"it has {fields} fields; SfaFlow (like Elsa) needs six, seconds first, e.g. '0 0 8 * * 1-5' for 08:00 on weekdays.";
            return null;
        }

        try
        {
            error = null;
            return Cronos.CronExpression.Parse(text.Trim(), CronFormat.IncludeSeconds);
        }
        catch (CronFormatException exception)
        {
            error = exception.Message;
            return null;
        }
    }
}
