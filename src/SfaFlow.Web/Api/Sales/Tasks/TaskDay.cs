namespace SfaFlow.Web.Api.Sales.Tasks;

/// <summary>
/// "Today" for a person's task list: from midnight to midnight in their time zone, as two instants, so that due moments
/// (stored in UTC) are grouped the way the person's calendar shows them rather than the server's.
/// </summary>
internal readonly record struct TaskDay(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The day in <paramref name="zone"/> that <paramref name="now"/> falls on.</summary>
    public static TaskDay Containing(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return new TaskDay(StartOf(today, zone), StartOf(today.AddDays(1), zone));
    }

    /// <summary>Due before today, due today, or later; a task without a due date is never late, so it counts as upcoming.</summary>
    public TaskDue Classify(DateTimeOffset? dueAt) => dueAt switch
    {
        null => TaskDue.Upcoming,
        { } due when due < Start => TaskDue.Overdue,
        { } due when due < End => TaskDue.Today,
        _ => TaskDue.Upcoming,
    };

    /// <summary>
    /// The first instant of a local date. Where the clocks skip midnight, the standard offset of the skipped hour lands
    /// exactly on the jump; where midnight happens twice, the day starts at the first (the larger offset).
    /// </summary>
    private static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo zone)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var offset = zone.IsAmbiguousTime(midnight) ? zone.GetAmbiguousTimeOffsets(midnight).Max() : zone.GetUtcOffset(midnight);
        return new DateTimeOffset(midnight, offset).ToUniversalTime();
    }
}

/// <summary>Where a planned task stands against today.</summary>
internal enum TaskDue
{
    Overdue,
    Today,
    Upcoming,
}
