using System.Security.Claims;
using SfaFlow.Sales.Security;

namespace SfaFlow.Web.Security;

/// <summary>
/// <see cref="ICurrentSalesUser"/> for a request: the signed-in account's user name (the name claim of the token or
/// cookie) resolved to its sales user once per request (a scoped service), shared by the authorization handler and
/// the endpoint.
/// </summary>
internal sealed class CurrentSalesUser(IHttpContextAccessor http, SalesPrincipalResolver resolver) : ICurrentSalesUser
{
    private string? _userName;
    private Task<SalesPrincipal?>? _resolved;

    public Task<SalesPrincipal?> FindAsync(CancellationToken cancellationToken = default) =>
        ResolveAsync(http.HttpContext?.User, cancellationToken);

    public async Task<SalesPrincipal> GetAsync(CancellationToken cancellationToken = default) =>
        await FindAsync(cancellationToken)
        ?? throw new UnauthorizedAccessException("The request is not signed in as an active sales user.");

    /// <summary>The sales principal of a signed-in user (null when not signed in or without an active sales user).</summary>
    public Task<SalesPrincipal?> ResolveAsync(ClaimsPrincipal? user, CancellationToken cancellationToken = default)
    {
        if (user?.Identity is not { IsAuthenticated: true, Name: { } name })
        {
            return Task.FromResult<SalesPrincipal?>(null);
        }

        if (_resolved is null || _userName != name)
        {
            _userName = name;
            _resolved = resolver.ResolveAsync(name, cancellationToken);
        }

        return _resolved;
    }
}
