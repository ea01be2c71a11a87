using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Organization;

/// <summary>
/// The people of the sales organization, changed by admins only: role, scope, team, regions, manager, active or not.
/// Someone who ever owned or changed a record is deactivated rather than deleted, so history keeps its names.
/// </summary>
public sealed class SalesUserService(ISalesDatabaseFactory databases)
{
    /// <exception cref="PermissionDeniedException">The caller is not an admin.</exception>
    public async Task<SalesUser> CreateAsync(SalesUserFields fields, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        by.RequireAdmin("change users");
        await using var db = await databases.OpenAsync(cancellationToken);
        var user = new SalesUser { UserName = "", DisplayName = "" };
        await ApplyAsync(db, user, fields, by, cancellationToken);
        db.Users.Add(user);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <exception cref="PermissionDeniedException">The caller is not an admin.</exception>
    public async Task<SalesUser> UpdateAsync(long id, SalesUserFields fields, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        by.RequireAdmin("change users");
        await using var db = await databases.OpenAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw new RecordNotFoundException("User", id);
        user.CheckVersion(expectedVersion);
        await ApplyAsync(db, user, fields, by, cancellationToken);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <exception cref="PermissionDeniedException">The caller is not an admin.</exception>
    /// <exception cref="RecordInUseException">The person owns records, manages people or teams, or appears in the audit log.</exception>
    public async Task DeleteAsync(long id, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        by.RequireAdmin("delete users");
        await using var db = await databases.OpenAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw new RecordNotFoundException("User", id);
        user.CheckVersion(expectedVersion);
        var owned = await db.Leads.CountAsync(r => r.OwnerId == id, cancellationToken) + await db.Accounts.CountAsync(r => r.OwnerId == id, cancellationToken)
            + await db.Contacts.CountAsync(r => r.OwnerId == id, cancellationToken) + await db.Opportunities.CountAsync(r => r.OwnerId == id, cancellationToken)
            + await db.Orders.CountAsync(r => r.OwnerId == id, cancellationToken) + await db.Activities.CountAsync(r => r.OwnerId == id, cancellationToken);
        RecordInUseException.ThrowIfReferenced($"User '{user.UserName}'", "Deactivate them instead (isActive false), and give their records to someone else.",
            (owned, "record they own", "records they own"),
            (await db.Users.CountAsync(u => u.ManagerId == id, cancellationToken), "person they manage", "people they manage"),
            (await db.Teams.CountAsync(t => t.ManagerId == id, cancellationToken), "team they manage", "teams they manage"),
            (await db.AuditEntries.CountAsync(a => a.ByUserId == id, cancellationToken), "change they made", "changes they made"));
        db.Users.Remove(user);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task ApplyAsync(ISalesDatabase db, SalesUser user, SalesUserFields fields, SalesPrincipal by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var violations = new List<RuleViolation>();
        var userName = fields.UserName?.Trim() ?? "";
        violations.Require(userName.Length is > 0 and <= 100 && userName.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@'), "userName",
            "A user name is 1 to 100 letters, digits and . - _ @ (no spaces).");
        violations.Require(userName.Length == 0 || !await db.Users.AnyAsync(u => u.Id != user.Id && u.UserName == userName, cancellationToken), "userName", $"There is a user '{userName}' already.");
        violations.RequireText(fields.DisplayName, "displayName", "A user needs a display name.");
        violations.Email(fields.Email);
        violations.Require(Enum.IsDefined(fields.Role), "role", $"role is one of {string.Join(", ", Enum.GetNames<SalesRole>())}.");
        violations.Require(Enum.IsDefined(fields.Scope), "scope", $"scope is one of {string.Join(", ", Enum.GetNames<RecordScope>())}.");
        violations.Require(fields.ManagerId is null || fields.ManagerId != user.Id, "managerId", "Nobody is their own manager.");
        await violations.ExistsAsync(db.Users, fields.ManagerId, "managerId", "user", cancellationToken);
        await violations.ExistsAsync(db.Teams, fields.TeamId, "teamId", "team", cancellationToken);
        var regionIds = (fields.RegionIds ?? []).Distinct().ToList();
        var known = await db.Regions.Where(r => regionIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        violations.Require(known.Count == regionIds.Count, "regionIds", $"There is no region {string.Join(", ", regionIds.Except(known))}.");

        // An admin locking themselves out (no role, no account) would need someone with database access to undo it.
        var self = user.Id != 0 && user.Id == by.UserId;
        violations.Require(!self || fields.Role == SalesRole.Admin, "role", "You cannot take away your own admin role.");
        violations.Require(!self || fields.IsActive, "isActive", "You cannot deactivate yourself.");
        violations.ThrowIfAny($"The user '{fields.UserName}' is not valid.");

        user.UserName = userName;
        user.DisplayName = fields.DisplayName.Trim();
        user.Email = FieldRules.Clean(fields.Email);
        user.Role = fields.Role;
        user.ManagerId = fields.ManagerId;
        user.TeamId = fields.TeamId;
        user.Scope = fields.Scope;
        user.RegionIds = regionIds;
        user.IsActive = fields.IsActive;
    }
}
