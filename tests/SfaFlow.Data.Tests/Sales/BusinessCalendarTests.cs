using Microsoft.Extensions.Options;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Calendar;
using SfaFlow.Sales.Organization;

namespace SfaFlow.Data.Tests.Sales;

/// <summary>Business days: weekends, holidays everywhere, and a region's holidays in the regions below it.</summary>
public sealed class BusinessCalendarTests
{
    // Friday 2026-12-18, 16:30 UTC (17:30 in Berlin).
    private static readonly DateTimeOffset FridayAfternoon = new(2026, 12, 18, 16, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Add_SkipsTheWeekend_AndZeroDaysOnASaturdayIsMonday()
    {
        var days = new BusinessDays(new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday }, new HashSet<DateOnly>(), TimeZoneInfo.Utc);

        Assert.Equal(new DateTimeOffset(2026, 12, 21, 16, 30, 0, TimeSpan.Zero), days.Add(FridayAfternoon, 1));
        Assert.Equal(new DateTimeOffset(2026, 12, 28, 16, 30, 0, TimeSpan.Zero), days.Add(FridayAfternoon, 6));
        Assert.Equal(new DateTimeOffset(2026, 12, 21, 9, 0, 0, TimeSpan.Zero), days.Add(new DateTimeOffset(2026, 12, 19, 9, 0, 0, TimeSpan.Zero), 0));
        Assert.Equal(new DateTimeOffset(2026, 12, 17, 16, 30, 0, TimeSpan.Zero), days.Add(FridayAfternoon, -1));
        Assert.Equal(5, days.Between(new DateOnly(2026, 12, 18), new DateOnly(2026, 12, 25)));
    }

    [Fact]
    public async Task ForRegion_HolidaysOfTheRegionAndItsAncestorsCount_OthersDoNot()
    {
        await using var host = await SalesHost.CreateAsync();
        var dach = await AddRegionAsync(host, "DACH", null);
        var bavaria = await AddRegionAsync(host, "Bavaria", dach);
        var nordics = await AddRegionAsync(host, "Nordics", null);
        var options = new CalendarOptions { TimeZone = "Europe/Berlin" };
        options.Holidays.Add(new DateOnly(2026, 12, 25));
        options.RegionHolidays["dach"] = [new DateOnly(2026, 12, 21)];
        options.RegionHolidays["Bavaria"] = [new DateOnly(2026, 12, 22)];
        var calendar = new BusinessCalendar(Options.Create(options), host.Get<SfaFlow.Sales.ISalesDatabaseFactory>());

        var inBavaria = await calendar.ForRegionAsync(bavaria);
        var inNordics = await calendar.ForRegionAsync(nordics);
        var anywhere = await calendar.ForRegionAsync(null);

        // Friday 17:30 in Berlin; Monday (DACH) and Tuesday (Bavaria) are holidays in Munich, neither in the Nordics.
        Assert.Equal(new DateTimeOffset(2026, 12, 23, 17, 30, 0, TimeSpan.FromHours(1)), inBavaria.Add(FridayAfternoon, 1));
        Assert.Equal(new DateTimeOffset(2026, 12, 21, 17, 30, 0, TimeSpan.FromHours(1)), inNordics.Add(FridayAfternoon, 1));
        Assert.False(anywhere.IsBusinessDay(new DateOnly(2026, 12, 25)));
        Assert.True(anywhere.IsBusinessDay(new DateOnly(2026, 12, 21)));
    }

    [Fact]
    public void Add_KeepsTheLocalTimeOfDayAcrossADaylightSavingChange()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var days = new BusinessDays(new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday }, new HashSet<DateOnly>(), berlin);

        // Friday 27 March 2026, 09:00 in Berlin (UTC+1); summer time starts on Sunday the 29th.
        var due = days.Add(new DateTimeOffset(2026, 3, 27, 8, 0, 0, TimeSpan.Zero), 1);

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.FromHours(2)), due);
    }

    private static async Task<long> AddRegionAsync(SalesHost host, string name, long? parent)
    {
        await using var db = await host.OpenAsync();
        var region = new Region { Name = name, ParentId = parent };
        db.Regions.Add(region);
        await db.SaveChangesAsync();
        return region.Id;
    }
}
