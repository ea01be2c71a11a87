using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Web.Api.Sales;

/// <summary>
/// The signed-in person as the sales services see them (role, scope, team, regions), bound as an endpoint parameter.
/// Sign-in guarantees an authenticated user; one without an active sales user record is refused.
/// </summary>
public sealed record SalesCaller(SalesPrincipal Principal)
{
    public static async ValueTask<SalesCaller?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.User.Identity is { IsAuthenticated: true, Name: { } userName } ? userName
            : throw new PermissionDeniedException("Sign in first.");
        var principal = await context.RequestServices.GetRequiredService<SalesPrincipalResolver>().ResolveAsync(name, context.RequestAborted)
            ?? throw new PermissionDeniedException($"'{name}' is not an active member of the sales organization.");
        return new SalesCaller(principal);
    }
}
