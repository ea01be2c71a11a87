using System.Globalization;
using SfaFlow.Plugins.Activities;
using SfaFlow.Sales.Calendar;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Sales.Workflows.Waiting;

/// <summary>
/// Waits for a named event about the workflow's record (<c>LeadReplied</c>), or the first of several
/// (<c>LeadReplied, LeadDisqualified</c>: a cadence's exits), optionally one a JavaScript filter accepts, for at most a
/// time span or a number of business days. It waits on the same <c>Elsa.Event</c> bookmark as the built-in Event activity
/// (one per name), so publishing the event (API, domain events) resumes it; the deadline is a timer bookmark beside them.
/// </summary>
[Activity("Sfa.WaitForEvent", Category = "Sales", DisplayName = "Wait for event", Outcomes = [ReceivedOutcome, TimedOutOutcome],
    Description = "Waits for an event about the record (a reply, a stage change), or times out after a period or business days.")]
public sealed class WaitForEvent : WorkflowActivity
{
    public const string ReceivedOutcome = "Received";
    public const string TimedOutOutcome = "TimedOut";
    private const string EventBookmark = "Elsa.Event";
    private const string TimeoutBookmark = "Sfa.WaitForEvent.Timeout";

    [Input(DisplayName = "Event name", Description = "The event to wait for, for example LeadReplied or OpportunityStageChanged; several separated by commas (LeadReplied, LeadDisqualified): the first of them counts.", IsRequired = true, Order = 1)]
    public Input<string?> EventName { get; } = new();

    [Input(Description = "JavaScript over the event's payload (event) that must be true for the event to count, for example event.stage == 'Won'. Events it rejects are ignored and the wait goes on.", UIHint = "code-editor", Order = 2)]
    public Input<string?> Filter { get; } = new();

    [Input(Description = "Give up after this long ([d.]hh:mm:ss). Empty with no business days: wait without end.", UIHint = "timespan", Order = 3)]
    public Input<TimeSpan?> Timeout { get; } = new();

    [Input(DisplayName = "Timeout in business days", Description = "Give up after this many business days of the record's region (instead of a time span).", Order = 4)]
    public Input<int?> TimeoutBusinessDays { get; } = new();

    [Output(DisplayName = "Event", Description = "The payload of the event received.")]
    public Output<object?> Result { get; } = new();

    [Output(DisplayName = "Event received", Description = "The name of the event received (one of the names waited for).")]
    public Output<string?> ReceivedEventName { get; } = new();

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var names = NamesOf(context);
        if (names.Length == 0)
        {
            throw new InvalidOperationException("Sfa.WaitForEvent needs an event name.");
        }

        if (context.GetInput(Filter) is { Length: > 0 } filter)
        {
            context.Service<ScriptHost>().Parse(filter);
        }

        foreach (var name in names)
        {
            WaitForTheEvent(context, name);
        }

        if (await DeadlineAsync(context) is { } deadline)
        {
            context.CreateBookmark(new BookmarkRequest(TimeoutBookmark)
            {
                DueAt = deadline,
                Payload = new Dictionary<string, object?> { ["ResumeAt"] = deadline.ToString("O", CultureInfo.InvariantCulture), ["EventName"] = string.Join(", ", names) },
            });
        }
    }

    public override ValueTask ResumeAsync(IActivityExecutionContext context, BookmarkResumption resumption)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resumption);
        if (resumption.Name == TimeoutBookmark)
        {
            context.Complete(TimedOutOutcome);
            return ValueTask.CompletedTask;
        }

        var payload = resumption.Payload ?? new Dictionary<string, object?>();
        if (context.GetInput(Filter) is { Length: > 0 } filter && !Accepts(context, filter, payload))
        {
            // Not this one: wait for the next; the other names' bookmarks and the deadline's stay as they are.
            WaitForTheEvent(context, resumption.Key ?? NamesOf(context)[0]);
            return ValueTask.CompletedTask;
        }

        // Completing removes the bookmarks of the other names and of the deadline: the first event wins.
        context.SetOutput(Result, payload);
        context.SetOutput(ReceivedEventName, resumption.Key);
        context.Complete(ReceivedOutcome);
        return ValueTask.CompletedTask;
    }

    private string[] NamesOf(IActivityExecutionContext context) =>
        [.. (context.GetInput(EventName) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    private static void WaitForTheEvent(IActivityExecutionContext context, string name) =>
        context.CreateBookmark(new BookmarkRequest(EventBookmark, name) { Payload = new Dictionary<string, object?> { ["EventName"] = name } });

    private async Task<DateTimeOffset?> DeadlineAsync(IActivityExecutionContext context)
    {
        if (context.GetInput(TimeoutBusinessDays) is { } days)
        {
            var record = await context.LoadRecordAsync();
            var calendar = await context.Service<BusinessCalendar>().ForRegionAsync(record.RegionId, context.CancellationToken);
            return calendar.Add(context.Now, days);
        }

        return context.GetInput(Timeout) is { Ticks: > 0 } span ? context.Now + span : null;
    }

    private static bool Accepts(IActivityExecutionContext context, string filter, object payload)
    {
        var result = context.Service<ScriptHost>().Evaluate(filter, new Dictionary<string, object?> { ["event"] = payload }, context.CancellationToken);
        return result switch
        {
            null => false,
            bool flag => flag,
            string text => text.Length > 0,
            double number => number != 0 && !double.IsNaN(number),
            int number => number != 0,
            long number => number != 0,
            _ => true,
        };
    }
}
