using SfaFlow.Sales.Organization;

namespace SfaFlow.Sales.Security;

/// <summary>
/// The person a request acts for, with what their scope covers worked out once: the members of their team and every
/// region under theirs. Every query and change on owned records goes through <see cref="RecordScopeFilter"/> with it.
/// </summary>
public sealed record SalesPrincipal(
    long UserId,
    string UserName,
    SalesRole Role,
    RecordScope Scope,
    long? TeamId,
    IReadOnlySet<long> TeamMemberIds,
    IReadOnlySet<long> RegionIds)
{
    public bool IsAdmin => Role == SalesRole.Admin;

    /// <summary>Managers and admins may override stage gates and the pipeline's order (with a reason, audited).</summary>
    public bool CanOverrideStageRules => Role is SalesRole.Admin or SalesRole.Manager;

    /// <summary>Whether an owned record is within this person's scope.</summary>
    public bool Covers(long ownerId, long? regionId) => Scope switch
    {
        RecordScope.All => true,
        RecordScope.Region => ownerId == UserId || (regionId is { } region && RegionIds.Contains(region)),
        RecordScope.Team => ownerId == UserId || TeamMemberIds.Contains(ownerId),
        _ => ownerId == UserId,
    };
}
