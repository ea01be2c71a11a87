using SfaFlow.Plugins.Activities;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Calendar;
using SfaFlow.Sales.Workflows.Effects;
using ActivityKind = SfaFlow.Sales.Activities.ActivityKind;

namespace SfaFlow.Sales.Workflows.Records;

/// <summary>
/// Plans a call, meeting, e-mail, task or visit on the owner's calendar: at a given moment, or in N business days (the
/// record's region's holidays and weekends skipped) at a time of day in the business calendar's time zone.
/// </summary>
[Activity("Sfa.ScheduleActivity", Category = "Sales", DisplayName = "Schedule activity",
    Description = "Plans a calendar entry on a record: in N business days at a time of day, or at a moment, for the record's owner.")]
public sealed class ScheduleActivity : WorkflowActivity
{
    [Input(Description = "What to plan.", UIHint = "dropdown", Options = ["Call", "Meeting", "Email", "Visit", "Task"], DefaultValue = ActivityKind.Call, Order = 0)]
    public Input<ActivityKind> Kind { get; } = new();

    [Input(Description = "The calendar entry's subject.", UIHint = "singleline", IsRequired = true, Order = 1)]
    public Input<string?> Subject { get; } = new();

    [Input(Description = "Notes.", UIHint = "multiline", Order = 2)]
    public Input<string?> Notes { get; } = new();

    [Input(Description = WorkflowRecord.RecordInputDescription, UIHint = "singleline", Order = 3)]
    public Input<string?> Record { get; } = new();

    [Input(DisplayName = "In business days", Description = "How many business days from now (0: today, or the next business day).", UIHint = "singleline", DefaultValue = 1, Order = 4)]
    public Input<int> InBusinessDays { get; } = new();

    [Input(DisplayName = "Time of day", Description = "The local time it starts, as hh:mm (business calendar's time zone); now's time of day when empty.", UIHint = "timespan", Order = 5)]
    public Input<TimeSpan?> TimeOfDay { get; } = new();

    [Input(DisplayName = "At", Description = "A fixed moment instead (ISO 8601); overrides business days and time of day.", UIHint = "datetime", Order = 6)]
    public Input<DateTimeOffset?> At { get; } = new();

    [Input(Description = "How long it takes.", UIHint = "timespan", DefaultValue = "00:30:00", Order = 7)]
    public Input<TimeSpan> Duration { get; } = new();

    [Input(DisplayName = "Owner", Description = "Whose calendar; the record's owner when empty.", UIHint = "singleline", Order = 8)]
    public Input<long?> OwnerId { get; } = new();

    [Output(DisplayName = "Activity id")]
    public Output<long> ActivityId { get; } = new();

    [Output(DisplayName = "Starts at")]
    public Output<DateTimeOffset> StartsAt { get; } = new();

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = await context.LoadRecordAsync(context.GetInput(Record));
        var start = context.GetInput(At) ?? await StartAsync(context, record.RegionId);
        var fields = (record.ActivityAbout(context.GetInput(Kind), context.GetInput(Subject) ?? "", context.GetInput(Notes), context.GetInput(OwnerId))
            ?? throw new InvalidOperationException($"{context.ActivityType} needs a record: set its input 'record' (lead:42), or start the workflow from a record's event (correlation id '{context.CorrelationId ?? "none"}').")) with
        {
            StartAt = start, EndAt = start + context.GetInput(Duration), DueAt = start,
        };
        var plannedId = await context.OnceAsync(async _ => (await context.Service<SalesActivityService>().PlanAsync(fields, context.Principal(), context.CancellationToken)).Id);
        context.SetOutput(ActivityId, plannedId);
        context.SetOutput(StartsAt, start);
    }

    private async Task<DateTimeOffset> StartAsync(IActivityExecutionContext context, long? regionId)
    {
        var days = await context.Service<BusinessCalendar>().ForRegionAsync(regionId, context.CancellationToken);
        var day = days.Add(context.Now, Math.Max(0, context.GetInput(InBusinessDays)));
        if (context.GetInput(TimeOfDay) is not { } time)
        {
            return day;
        }

        var wall = day.Date + time;
        return new DateTimeOffset(wall, days.TimeZone.GetUtcOffset(wall));
    }
}
