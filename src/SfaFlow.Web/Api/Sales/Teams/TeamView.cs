using SfaFlow.Sales.Organization;

namespace SfaFlow.Web.Api.Sales.Teams;

/// <summary>A team as the API shows it; its members are the users whose <c>teamId</c> it is.</summary>
public sealed record TeamView(long Id, int Version, string Name, long? ManagerId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static TeamView From(Team team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return new(team.Id, team.Version, team.Name, team.ManagerId, team.CreatedAt, team.UpdatedAt);
    }
}
