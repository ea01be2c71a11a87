using SfaFlow.Sales.Security;
using SfaFlow.Web.Security;

namespace SfaFlow.Web.Api.Sales;

/// <summary>
/// The signed-in person as the sales services see them (role, scope, team, regions), bound as an endpoint parameter.
/// Resolved once per request by sign-in (<see cref="HttpContextSalesExtensions.GetSalesPrincipalAsync"/>); the default
/// policy has already refused anyone without an active sales user.
/// </summary>
public sealed record SalesCaller(SalesPrincipal Principal)
{
    public static async ValueTask<SalesCaller?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new SalesCaller(await context.GetSalesPrincipalAsync(context.RequestAborted));
    }
}
