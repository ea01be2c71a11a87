namespace SfaFlow.Sales.Calendar;

/// <summary>The business days of one region: which days count, and moments moved on by business days.</summary>
public sealed class BusinessDays(IReadOnlySet<DayOfWeek> weekend, IReadOnlySet<DateOnly> holidays, TimeZoneInfo zone)
{
    /// <summary>The most days a move may skip over looking for a business day (a calendar with no business days at all fails).</summary>
    private const int MaxSkippedDays = 366;

    public TimeZoneInfo TimeZone => zone;

    public bool IsBusinessDay(DateOnly day) => !weekend.Contains(day.DayOfWeek) && !holidays.Contains(day);

    /// <summary>
    /// The moment <paramref name="days"/> business days after <paramref name="from"/>, at the same local time of day. Zero
    /// days is <paramref name="from"/> itself, moved to the next business day when it is not one. A negative count goes back.
    /// </summary>
    public DateTimeOffset Add(DateTimeOffset from, int days)
    {
        var local = TimeZoneInfo.ConvertTime(from, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var step = days < 0 ? -1 : 1;
        var remaining = Math.Abs(days);
        var skipped = 0;
        while (remaining > 0 || !IsBusinessDay(day))
        {
            day = day.AddDays(step);
            if (IsBusinessDay(day))
            {
                remaining = Math.Max(0, remaining - 1);
            }
            else if (++skipped > MaxSkippedDays)
            {
                throw new InvalidOperationException("The business calendar has no business day within a year; check SfaFlow:Calendar.");
            }
        }

        var wall = day.ToDateTime(TimeOnly.FromDateTime(local.DateTime));
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }

    /// <summary>Business days from one day to another: the days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int Between(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            count += IsBusinessDay(day) ? 1 : 0;
        }

        return count;
    }
}
