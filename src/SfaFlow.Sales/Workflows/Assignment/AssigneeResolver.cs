using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Organization;

namespace SfaFlow.Sales.Workflows.Assignment;

/// <summary>
/// Chooses who gets a task or a record, the same way for <c>Sfa.CreateTask</c> and <c>Sfa.AssignOwner</c>. It works in the
/// caller's unit of work: a round-robin turn moves the pool's <see cref="AssignmentCursor"/> there, so the caller's save
/// commits the turn and the assignment together (a crash loses both or neither).
/// </summary>
public static class AssigneeResolver
{
    /// <summary>The chosen user's id. Only active users are chosen.</summary>
    /// <exception cref="InvalidOperationException">Nobody fits (the workflow gets an incident saying why).</exception>
    public static async Task<long> ResolveAsync(ISalesDatabase db, AssignmentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var record = await PlacementAsync(db, request.Record, cancellationToken);
        return request.Mode switch
        {
            AssignmentMode.RecordOwner => record.OwnerId,
            AssignmentMode.User => await UserAsync(db, request.User, cancellationToken),
            AssignmentMode.RoleInRegion => await RoleInRegionAsync(db, request.Role, record.RegionId, cancellationToken),
            AssignmentMode.RegionRule => await RegionRuleAsync(db, request.RegionRules, record.RegionId, cancellationToken),
            AssignmentMode.RoundRobin => await RoundRobinAsync(db, request, cancellationToken),
            AssignmentMode.LeastOpenTasks => await LeastOpenTasksAsync(db, request, cancellationToken),
            _ => throw new InvalidOperationException($"Unknown assignment mode {request.Mode}."),
        };
    }

    /// <summary>The owner and region of a lead, account, contact or opportunity.</summary>
    /// <exception cref="InvalidOperationException">No such record, or a type that has no owner.</exception>
    public static async Task<RecordPlacement> PlacementAsync(ISalesDatabase db, RecordReference record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var id = record.Id;
        var placement = record.Type switch
        {
            RecordReference.Lead => await db.Leads.Where(r => r.Id == id).Select(r => new RecordPlacement(r.OwnerId, r.RegionId)).ToListAsync(cancellationToken),
            RecordReference.Account => await db.Accounts.Where(r => r.Id == id).Select(r => new RecordPlacement(r.OwnerId, r.RegionId)).ToListAsync(cancellationToken),
            RecordReference.Contact => await db.Contacts.Where(r => r.Id == id).Select(r => new RecordPlacement(r.OwnerId, r.RegionId)).ToListAsync(cancellationToken),
            RecordReference.Opportunity => await db.Opportunities.Where(r => r.Id == id).Select(r => new RecordPlacement(r.OwnerId, r.RegionId)).ToListAsync(cancellationToken),
            _ => throw new InvalidOperationException($"'{record}' is not a lead, account, contact or opportunity."),
        };
        return placement.Count == 1 ? placement[0] : throw new InvalidOperationException($"There is no {record.Type} {record.Id}.");
    }

    private static async Task<long> UserAsync(ISalesDatabase db, string? user, CancellationToken cancellationToken)
    {
        var name = user?.Trim() ?? "";
        var found = long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await db.Users.Where(u => u.Id == id && u.IsActive).Select(u => (long?)u.Id).FirstOrDefaultAsync(cancellationToken)
            : await db.Users.Where(u => u.UserName == name && u.IsActive).Select(u => (long?)u.Id).FirstOrDefaultAsync(cancellationToken);
        return found ?? throw new InvalidOperationException($"There is no active user '{name}'.");
    }

    /// <summary>The region and every region above it, nearest first.</summary>
    private static async Task<List<(long Id, string Name)>> RegionChainAsync(ISalesDatabase db, long? regionId, CancellationToken cancellationToken)
    {
        var chain = new List<(long, string)>();
        if (regionId is null)
        {
            return chain;
        }

        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.ParentId, r.Name }).ToDictionaryAsync(r => r.Id, cancellationToken);
        // A bound keeps a broken tree from looping.
        for (var id = regionId; id is { } current && regions.TryGetValue(current, out var region) && chain.Count <= regions.Count; id = region.ParentId)
        {
            chain.Add((region.Id, region.Name));
        }

        return chain;
    }

    private static async Task<long> RoleInRegionAsync(ISalesDatabase db, SalesRole role, long? regionId, CancellationToken cancellationToken)
    {
        var users = await ActiveUsersAsync(db, role, teamId: null, cancellationToken);
        foreach (var (id, name) in await RegionChainAsync(db, regionId, cancellationToken))
        {
            if (users.FirstOrDefault(u => u.RegionIds.Contains(id)) is { } user)
            {
                return user.Id;
            }
        }

        throw new InvalidOperationException($"No active {role} works in the record's region or any region above it.");
    }

    private static async Task<long> RegionRuleAsync(ISalesDatabase db, IReadOnlyDictionary<string, string> rules, long? regionId, CancellationToken cancellationToken)
    {
        var byName = new Dictionary<string, string>(rules, StringComparer.OrdinalIgnoreCase);
        foreach (var (_, name) in await RegionChainAsync(db, regionId, cancellationToken))
        {
            if (byName.TryGetValue(name, out var user))
            {
                return await UserAsync(db, user, cancellationToken);
            }
        }

        throw new InvalidOperationException("No region rule names the record's region or a region above it.");
    }

    /// <summary>The next user after the pool's cursor, by id, wrapping around; the cursor moves to them (saved by the caller).</summary>
    private static async Task<long> RoundRobinAsync(ISalesDatabase db, AssignmentRequest request, CancellationToken cancellationToken)
    {
        var pool = await PoolAsync(db, request, cancellationToken);
        var key = PoolKey(request);
        var cursor = await db.AssignmentCursors.FirstOrDefaultAsync(c => c.Key == key, cancellationToken);
        var next = pool.FirstOrDefault(id => cursor is null || id > cursor.LastUserId, pool[0]);
        if (cursor is null)
        {
            db.AssignmentCursors.Add(new AssignmentCursor { Key = key, LastUserId = next });
        }
        else
        {
            cursor.LastUserId = next;
            cursor.Version++;
        }

        return next;
    }

    /// <summary>The pool's user with the fewest planned tasks; the lowest id among equals.</summary>
    private static async Task<long> LeastOpenTasksAsync(ISalesDatabase db, AssignmentRequest request, CancellationToken cancellationToken)
    {
        var pool = await PoolAsync(db, request, cancellationToken);
        var open = await db.Activities
            .Where(a => a.Kind == ActivityKind.Task && a.Status == ActivityStatus.Planned && pool.Contains(a.OwnerId))
            .GroupBy(a => a.OwnerId).Select(g => new { OwnerId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.OwnerId, g => g.Count, cancellationToken);
        return pool.MinBy(id => (open.GetValueOrDefault(id), id));
    }

    /// <summary>The ids of the active users of the request's role, team and region, ascending.</summary>
    private static async Task<List<long>> PoolAsync(ISalesDatabase db, AssignmentRequest request, CancellationToken cancellationToken)
    {
        var pool = (await ActiveUsersAsync(db, request.Role, request.TeamId, cancellationToken))
            .Where(u => request.RegionId is not { } region || u.RegionIds.Contains(region))
            .Select(u => u.Id).ToList();
        return pool.Count > 0 ? pool
            : throw new InvalidOperationException($"No active {request.Role} in the pool{(request.TeamId is { } t ? $" of team {t}" : "")}{(request.RegionId is { } r ? $" in region {r}" : "")}.");
    }

    private static async Task<List<SalesUser>> ActiveUsersAsync(ISalesDatabase db, SalesRole role, long? teamId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.IsActive && u.Role == role && (teamId == null || u.TeamId == teamId))
            .OrderBy(u => u.Id).ToListAsync(cancellationToken);

    private static string PoolKey(AssignmentRequest request) =>
        string.Create(CultureInfo.InvariantCulture, $"{request.Role}|team:{request.TeamId?.ToString(CultureInfo.InvariantCulture) ?? "-"}|region:{request.RegionId?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
}
