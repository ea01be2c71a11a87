using SfaFlow.Sales.Auditing;
using SfaFlow.Sales.Organization;

namespace SfaFlow.Sales.Security;

/// <summary>
/// The person a request acts for, with what their scope covers worked out once: the members of their team (team scope)
/// or every region under theirs (region scope). Every query and change on owned records goes through <see cref="RecordScopeFilter"/> with it.
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

    /// <summary>A workflow acting on records: every record in scope, changes audited to its instance.</summary>
    public static SalesPrincipal ForWorkflow(string instanceId) =>
        new(0, "workflow", SalesRole.Admin, RecordScope.All, null, new HashSet<long>(), new HashSet<long>()) { WorkflowInstanceId = instanceId };

    /// <summary>A plugin acting on its own (an event listener): every record, changes audited with the plugin named in the reason.</summary>
    public static SalesPrincipal ForPlugin(string pluginId) =>
        new(0, $"plugin:{pluginId}", SalesRole.Admin, RecordScope.All, null, new HashSet<long>(), new HashSet<long>()) { PluginId = pluginId };

    /// <summary>Set when a workflow acts (see <see cref="ForWorkflow"/>); its user id is then 0, no person.</summary>
    public string? WorkflowInstanceId { get; init; }

    /// <summary>Set when a plugin acts on its own (see <see cref="ForPlugin"/>); its user id is then 0, no person.</summary>
    public string? PluginId { get; init; }

    /// <summary>Who the audit log records for a change made by this principal.</summary>
    public ChangeActor ToActor(string? reason = null) =>
        new(UserId == 0 ? null : UserId, WorkflowInstanceId, PluginId is null ? reason : $"Plugin {PluginId}{(reason is null ? "" : $": {reason}")}");

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
