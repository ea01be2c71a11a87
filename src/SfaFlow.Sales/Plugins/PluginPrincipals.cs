using SfaFlow.Sales.Security;
using SfaFlow.Workflows.Plugins;

namespace SfaFlow.Sales.Plugins;

/// <summary>The sales principal a plugin acts as: its workflow's, its user's (with their scope), or its own.</summary>
internal static class PluginPrincipals
{
    /// <exception cref="UnauthorizedAccessException">The calling user is no longer an active sales user.</exception>
    public static async Task<SalesPrincipal> ResolveAsync(PluginCallContext call, SalesPrincipalResolver users, CancellationToken cancellationToken) => call.Caller switch
    {
        { Kind: PluginCallerKind.Workflow } workflow => SalesPrincipal.ForWorkflow(workflow.Id),
        { Kind: PluginCallerKind.User } user => await users.ResolveAsync(user.Id, cancellationToken)
            ?? throw new UnauthorizedAccessException($"'{user.Id}' is not an active SfaFlow user."),
        _ => SalesPrincipal.ForPlugin(call.PluginId),
    };
}
