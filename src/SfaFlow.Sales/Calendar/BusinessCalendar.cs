using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace SfaFlow.Sales.Calendar;

/// <summary>
/// The business calendar (<see cref="CalendarOptions"/>): due dates "in 3 business days" and cadence delays skip weekends
/// and the holidays of the record's region and of every region above it.
/// </summary>
public sealed class BusinessCalendar(IOptions<CalendarOptions> options, ISalesDatabaseFactory databases)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>The business days of a region (null: the holidays everywhere only).</summary>
    public async Task<BusinessDays> ForRegionAsync(long? regionId, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var holidays = new HashSet<DateOnly>(settings.Holidays);
        if (regionId is not null && settings.RegionHolidays.Count > 0)
        {
            await using var db = await databases.OpenAsync(cancellationToken);
            var regions = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.ParentId, r.Name }).ToDictionaryAsync(r => r.Id, cancellationToken);
            // The region and its ancestors; a cycle cannot be saved, but a bound keeps a broken tree from looping.
            for (var (id, depth) = (regionId, 0); id is { } current && regions.TryGetValue(current, out var region) && depth < regions.Count; (id, depth) = (region.ParentId, depth + 1))
            {
                if (settings.RegionHolidays.TryGetValue(region.Name, out var own))
                {
                    holidays.UnionWith(own);
                }
            }
        }

        return new BusinessDays(settings.Weekend.ToHashSet(), holidays, _zone);
    }
}
