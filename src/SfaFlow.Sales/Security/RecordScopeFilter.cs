using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Security;

/// <summary>
/// Record scope as a query filter, so lists, reads, updates, exports, counts and sums all see the same records. The same
/// rule as <see cref="SalesPrincipal.Covers"/>, written for the database: one's own records always, plus the team's
/// members' or the regions' (id lists, DESIGN.md), or everything.
/// </summary>
public static class RecordScopeFilter
{
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> records, SalesPrincipal principal) where T : SalesRecord, IOwnedRecord
    {
        ArgumentNullException.ThrowIfNull(principal);
        var me = principal.UserId;
        switch (principal.Scope)
        {
            case RecordScope.All:
                return records;
            case RecordScope.Region:
                var regions = principal.RegionIds.ToArray();
                return records.Where(r => r.OwnerId == me || (r.RegionId != null && regions.Contains(r.RegionId.Value)));
            case RecordScope.Team:
                var members = principal.TeamMemberIds.ToArray();
                return records.Where(r => r.OwnerId == me || members.Contains(r.OwnerId));
            default:
                return records.Where(r => r.OwnerId == me);
        }
    }
}
