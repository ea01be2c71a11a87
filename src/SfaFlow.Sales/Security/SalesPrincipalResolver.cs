using Microsoft.EntityFrameworkCore;

namespace SfaFlow.Sales.Security;

/// <summary>
/// Builds a <see cref="SalesPrincipal"/> from the user's record: for a team scope their team's members, for a region
/// scope their regions' subtrees.
/// </summary>
public sealed class SalesPrincipalResolver(ISalesDatabaseFactory databases)
{
    /// <returns>Null when there is no such active user.</returns>
    public async Task<SalesPrincipal?> ResolveAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName && u.IsActive, cancellationToken);
        if (user is null)
        {
            return null;
        }

        // Resolved on every request: read only what the person's scope looks at.
        var members = user.Scope == RecordScope.Team && user.TeamId is { } team
            ? (await db.Users.AsNoTracking().Where(u => u.TeamId == team).Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet()
            : [];
        var regions = user.Scope == RecordScope.Region
            ? Subtrees(user.RegionIds, (await db.Regions.AsNoTracking().Select(r => new { r.Id, r.ParentId }).ToListAsync(cancellationToken)).Select(r => (r.Id, r.ParentId)))
            : [];
        return new SalesPrincipal(user.Id, user.UserName, user.Role, user.Scope, user.TeamId, members, regions);
    }

    /// <summary>The given regions and every region below them.</summary>
    internal static HashSet<long> Subtrees(IEnumerable<long> roots, IEnumerable<(long Id, long? ParentId)> regions)
    {
        var children = regions.Where(r => r.ParentId is not null).ToLookup(r => r.ParentId!.Value, r => r.Id);
        var covered = new HashSet<long>();
        var pending = new Stack<long>(roots);
        while (pending.TryPop(out var region))
        {
            if (covered.Add(region))
            {
                foreach (var child in children[region])
                {
                    pending.Push(child);
                }
            }
        }

        return covered;
    }
}
