using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Security;

namespace SfaFlow.Web.Api.Auth;

/// <summary>Who a request is signed in as.</summary>
public sealed record SignedInUser(string UserName, string DisplayName, SalesRole Role, RecordScope Scope)
{
    public static async Task<SignedInUser> LoadAsync(SalesPrincipal principal, ISalesDatabaseFactory databases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(databases);
        await using var db = await databases.OpenAsync(cancellationToken);
        var displayName = await db.Users.AsNoTracking().Where(u => u.Id == principal.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        return new SignedInUser(principal.UserName, displayName, principal.Role, principal.Scope);
    }
}
