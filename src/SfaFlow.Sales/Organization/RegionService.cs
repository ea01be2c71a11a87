using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Organization;

/// <summary>Sales territories, changed by admins only. Regions form a tree: no region is inside itself.</summary>
public sealed class RegionService(ISalesDatabaseFactory databases)
{
    /// <exception cref="PermissionDeniedException">The caller is not an admin.</exception>
    public async Task<Region> CreateAsync(RegionFields fields, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        by.RequireAdmin("change regions");
        await using var db = await databases.OpenAsync(cancellationToken);
        var region = new Region { Name = "" };
        await ApplyAsync(db, region, fields, cancellationToken);
        db.Regions.Add(region);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return region;
    }

    /// <exception cref="PermissionDeniedException">The caller is not an admin.</exception>
    public async Task<Region> UpdateAsync(long id, RegionFields fields, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        by.RequireAdmin("change regions");
        await using var db = await databases.OpenAsync(cancellationToken);
        var region = await db.Regions.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new RecordNotFoundException(nameof(Region), id);
        region.CheckVersion(expectedVersion);
        await ApplyAsync(db, region, fields, cancellationToken);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return region;
    }

    /// <exception cref="PermissionDeniedException">The caller is not an admin.</exception>
    /// <exception cref="RecordInUseException">Regions below it, people working in it, or records in it.</exception>
    public async Task DeleteAsync(long id, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        by.RequireAdmin("delete regions");
        await using var db = await databases.OpenAsync(cancellationToken);
        var region = await db.Regions.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new RecordNotFoundException(nameof(Region), id);
        region.CheckVersion(expectedVersion);
        RecordInUseException.ThrowIfReferenced($"Region '{region.Name}'", "Move them to another region first.",
            (await db.Regions.CountAsync(r => r.ParentId == id, cancellationToken), "region below it", "regions below it"),
            (await db.Users.CountAsync(u => u.RegionIds.Contains(id), cancellationToken), "person working in it", "people working in it"),
            (await db.Leads.CountAsync(r => r.RegionId == id, cancellationToken), "lead", "leads"),
            (await db.Accounts.CountAsync(r => r.RegionId == id, cancellationToken), "account", "accounts"),
            (await db.Contacts.CountAsync(r => r.RegionId == id, cancellationToken), "contact", "contacts"),
            (await db.Opportunities.CountAsync(r => r.RegionId == id, cancellationToken), "deal", "deals"),
            (await db.Orders.CountAsync(r => r.RegionId == id, cancellationToken), "order", "orders"),
            (await db.Activities.CountAsync(r => r.RegionId == id, cancellationToken), "activity", "activities"));
        db.Regions.Remove(region);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task ApplyAsync(ISalesDatabase db, Region region, RegionFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var violations = new List<RuleViolation>();
        var name = fields.Name?.Trim() ?? "";
        violations.RequireText(name, "name", "A region needs a name.");
        violations.Require(name.Length == 0 || !await db.Regions.AnyAsync(r => r.Id != region.Id && r.ParentId == fields.ParentId && r.Name == name, cancellationToken),
            "name", $"There is a region named '{name}' there already.");
        if (fields.ParentId is { } parentId)
        {
            var parents = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.ParentId }).ToDictionaryAsync(r => r.Id, r => r.ParentId, cancellationToken);
            violations.Require(parents.ContainsKey(parentId), "parentId", $"There is no region {parentId}.");

            // Walking up from the new parent must never reach the region itself (a cycle would make scope endless).
            var seen = new HashSet<long>();
            for (long? at = parentId; at is { } current && seen.Add(current); at = parents.GetValueOrDefault(current))
            {
                if (region.Id != 0 && current == region.Id)
                {
                    violations.Add(new RuleViolation("parentId", $"Region '{region.Name}' cannot be part of itself or of a region below it."));
                    break;
                }
            }
        }

        violations.ThrowIfAny($"The region '{fields.Name}' is not valid.");
        region.Name = name;
        region.ParentId = fields.ParentId;
    }
}
