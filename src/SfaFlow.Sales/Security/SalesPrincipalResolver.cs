using Microsoft.EntityFrameworkCore;

namespace SfaFlow.Sales.Security;

/// <summary>Builds a <see cref="SalesPrincipal"/> from the user's record: their team's members and their regions' subtrees.</summary>
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

        var members = user.TeamId is { } team
            ? await db.Users.AsNoTracking().Where(u => u.TeamId == team).Select(u => u.Id).ToListAsync(cancellationToken)
            : [];
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.ParentId }).ToListAsync(cancellationToken);
        return new SalesPrincipal(user.Id, user.UserName, user.Role, user.Scope, user.TeamId, members.ToHashSet(),
            Subtrees(user.RegionIds, regions.Select(r => (r.Id, r.ParentId))));
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
