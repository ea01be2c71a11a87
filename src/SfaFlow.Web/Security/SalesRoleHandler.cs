using Microsoft.AspNetCore.Authorization;

namespace SfaFlow.Web.Security;

/// <summary>
/// Checks <see cref="SalesRoleRequirement"/> against the sales user as it is now (resolved once per request), and says
/// why it refuses: the 403 problem shows the reason.
/// </summary>
internal sealed class SalesRoleHandler(CurrentSalesUser current) : AuthorizationHandler<SalesRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, SalesRoleRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (context.User.Identity is not { IsAuthenticated: true, Name: { } name })
        {
            return; // The authenticated-user requirement refuses it, and the answer is a 401.
        }

        var cancellationToken = (context.Resource as HttpContext)?.RequestAborted ?? default;
        var principal = await current.ResolveAsync(context.User, cancellationToken);
        if (principal is null)
        {
            context.Fail(new AuthorizationFailureReason(this,
                $"The account '{name}' has no active sales user, so it may not work in SfaFlow; an admin can activate its sales user."));
        }
        else if (requirement.Roles.Count == 0 || requirement.Roles.Contains(principal.Role))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this,
                $"This needs the role {string.Join(" or ", requirement.Roles)}; '{name}' has the role {principal.Role}."));
        }
    }
}
