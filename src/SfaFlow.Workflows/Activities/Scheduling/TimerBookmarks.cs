namespace SfaFlow.Workflows.Activities.Scheduling;

/// <summary>Keys of the payloads Elsa writes into timer bookmarks and triggers.</summary>
internal static class TimerBookmarks
{
    public const string ResumeAt = "ResumeAt";
    public const string ExecuteAt = "ExecuteAt";
    public const string Interval = "Interval";
    public const string StartAt = "StartAt";
    public const string CronExpression = "CronExpression";

    /// <summary>Timestamps in bookmark payloads are written as ISO 8601 text, so a payload survives JSON unchanged.</summary>
    public static string Format(DateTimeOffset time) => time.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
