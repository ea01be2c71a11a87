using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Security;

namespace SfaFlow.Web.Api.Sales.Users;

/// <summary>A person of the sales organization as the API shows them: role, scope, team, regions, manager, active or not.</summary>
public sealed record SalesUserView(
    long Id, int Version, string UserName, string DisplayName, string? Email, SalesRole Role, long? ManagerId, long? TeamId, RecordScope Scope,
    IReadOnlyList<long> RegionIds, bool IsActive, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static SalesUserView From(SalesUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Id, user.Version, user.UserName, user.DisplayName, user.Email, user.Role, user.ManagerId, user.TeamId, user.Scope,
            [.. user.RegionIds], user.IsActive, user.CreatedAt, user.UpdatedAt);
    }
}
