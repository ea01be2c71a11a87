using SfaFlow.Sales.Security;

namespace SfaFlow.Web.Security;

public static class HttpContextSalesExtensions
{
    /// <summary>
    /// The person the request acts for, for endpoints that do not take <see cref="ICurrentSalesUser"/> themselves. Every
    /// endpoint behind the default policies has one; elsewhere this throws <see cref="UnauthorizedAccessException"/> (403).
    /// </summary>
    public static Task<SalesPrincipal> GetSalesPrincipalAsync(this HttpContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetRequiredService<ICurrentSalesUser>().GetAsync(cancellationToken);
    }
}
