namespace SfaFlow.Sales.Calendar;

/// <summary>
/// Business days for due dates and cadences, bound from <c>SfaFlow:Calendar</c>: the weekend, holidays everywhere, and
/// holidays per region by name (a region's holidays also hold in every region below it: a Bavarian holiday in Munich).
/// </summary>
public sealed class CalendarOptions
{
    public const string SectionName = "SfaFlow:Calendar";

    public List<DayOfWeek> Weekend { get; } = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Holidays in every region.</summary>
    public List<DateOnly> Holidays { get; } = [];

    /// <summary>Holidays by region name (any case).</summary>
    public Dictionary<string, List<DateOnly>> RegionHolidays { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The IANA time zone whose calendar days count (a task due "in 2 business days" is due at the same time of day).</summary>
    public string TimeZone { get; set; } = "UTC";
}
