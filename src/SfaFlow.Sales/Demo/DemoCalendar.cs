using Bogus;

namespace SfaFlow.Sales.Demo;

/// <summary>
/// Days and moments of the demo, all relative to the day it is generated for: history lies before that day's midnight
/// (UTC), plans on or after it. Moments fall on weekdays in office hours, as a sales team's do.
/// </summary>
internal sealed class DemoCalendar(DateOnly today, Randomizer random)
{
    public DateOnly Today => today;

    /// <summary>Where past and future meet: midnight UTC at the start of <see cref="Today"/>.</summary>
    public DateTimeOffset Now { get; } = new(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public DateOnly DaysAgo(int days) => today.AddDays(-days);

    /// <summary>The day itself, or the Monday after when it falls on a weekend.</summary>
    public static DateOnly Workday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    /// <summary>A moment in office hours (07:00 to 16:55 UTC, on five-minute marks) on the given day.</summary>
    public DateTimeOffset During(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero).AddMinutes(5 * random.Number(0, 119));

    /// <summary>A moment in office hours on a workday between the two days (inclusive).</summary>
    public DateTimeOffset Between(DateOnly first, DateOnly last) =>
        During(Workday(first.AddDays(random.Number(0, Math.Max(0, last.DayNumber - first.DayNumber)))));

    public static DateOnly Day(DateTimeOffset moment) => DateOnly.FromDateTime(moment.UtcDateTime);
}
