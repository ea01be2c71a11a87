using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Organization;

/// <summary>Teams, changed by admins only. People join a team through their own record (<see cref="SalesUserService"/>).</summary>
public sealed class TeamService(ISalesDatabaseFactory databases)
{
    /// <exception cref="PermissionDeniedException">The caller is not an admin.</exception>
    public async Task<Team> CreateAsync(TeamFields fields, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        by.RequireAdmin("change teams");
        await using var db = await databases.OpenAsync(cancellationToken);
        var team = new Team { Name = "" };
        await ApplyAsync(db, team, fields, cancellationToken);
        db.Teams.Add(team);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return team;
    }

    /// <exception cref="PermissionDeniedException">The caller is not an admin.</exception>
    public async Task<Team> UpdateAsync(long id, TeamFields fields, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        by.RequireAdmin("change teams");
        await using var db = await databases.OpenAsync(cancellationToken);
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new RecordNotFoundException(nameof(Team), id);
        team.CheckVersion(expectedVersion);
        await ApplyAsync(db, team, fields, cancellationToken);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return team;
    }

    /// <exception cref="PermissionDeniedException">The caller is not an admin.</exception>
    /// <exception cref="RecordInUseException">The team has members or pipelines.</exception>
    public async Task DeleteAsync(long id, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        by.RequireAdmin("delete teams");
        await using var db = await databases.OpenAsync(cancellationToken);
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new RecordNotFoundException(nameof(Team), id);
        team.CheckVersion(expectedVersion);
        RecordInUseException.ThrowIfReferenced($"Team '{team.Name}'", "Move them to another team first.",
            (await db.Users.CountAsync(u => u.TeamId == id, cancellationToken), "member", "members"),
            (await db.Pipelines.CountAsync(p => p.TeamId == id, cancellationToken), "pipeline", "pipelines"));
        db.Teams.Remove(team);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task ApplyAsync(ISalesDatabase db, Team team, TeamFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var violations = new List<RuleViolation>();
        var name = fields.Name?.Trim() ?? "";
        violations.RequireText(name, "name", "A team needs a name.");
        violations.Require(name.Length == 0 || !await db.Teams.AnyAsync(t => t.Id != team.Id && t.Name == name, cancellationToken), "name", $"There is a team named '{name}' already.");
        violations.Require(fields.ManagerId is null || await db.Users.AnyAsync(u => u.Id == fields.ManagerId && u.IsActive, cancellationToken),
            "managerId", $"There is no active user {fields.ManagerId}.");
        violations.ThrowIfAny($"The team '{fields.Name}' is not valid.");
        team.Name = name;
        team.ManagerId = fields.ManagerId;
    }
}
