using System.Globalization;
using SfaFlow.Plugins.Activities;
using SfaFlow.Sales.Calendar;

namespace SfaFlow.Sales.Workflows.Waiting;

/// <summary>
/// Waits a number of business days of the record's region (weekends and its holidays skipped), optionally until a local
/// time of day: the steps of a cadence ("call on day 1, e-mail on day 3").
/// </summary>
[Activity("Sfa.WaitBusinessDays", Category = "Sales", DisplayName = "Wait business days",
    Description = "Waits a number of business days of the record's region, optionally until a time of day.")]
public sealed class WaitBusinessDays : WorkflowActivity
{
    [Input(Description = "How many business days to wait; 0 waits until the next business day when today is none.", DefaultValue = 1, IsRequired = true, Order = 1)]
    public Input<int> Days { get; } = new();

    [Input(DisplayName = "Time of day", Description = "The local time (HH:mm, in the calendar's time zone) to continue at on that day; empty keeps the current time of day.", Order = 2)]
    public Input<string?> TimeOfDay { get; } = new();

    [Output(DisplayName = "Resume at", Description = "When the workflow continues.")]
    public Output<DateTimeOffset> ResumeAt { get; } = new();

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = await context.LoadRecordAsync();
        var calendar = await context.Service<BusinessCalendar>().ForRegionAsync(record.RegionId, context.CancellationToken);
        var resumeAt = calendar.Add(context.Now, context.GetInput(Days));
        if (context.GetInput(TimeOfDay) is { Length: > 0 } text)
        {
            resumeAt = AtTimeOfDay(resumeAt, text, calendar.TimeZone);
        }

        context.SetOutput(ResumeAt, resumeAt);
        context.CreateBookmark(new BookmarkRequest("Sfa.WaitBusinessDays")
        {
            DueAt = resumeAt,
            Payload = new Dictionary<string, object?> { ["ResumeAt"] = resumeAt.ToString("O", CultureInfo.InvariantCulture) },
        });
    }

    private static DateTimeOffset AtTimeOfDay(DateTimeOffset day, string text, TimeZoneInfo zone)
    {
        if (!TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw new InvalidOperationException($"Sfa.WaitBusinessDays: the time of day '{text}' is not HH:mm (for example 09:30).");
        }

        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(day, zone).DateTime).ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
