using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Security;

namespace SfaFlow.Data.Tests.Sales;

internal static class Admins
{
    /// <summary>Adds an admin (scope All) and returns them as a principal.</summary>
    public static async Task<SalesPrincipal> CreateAsync(SalesHost host, string userName = "admin")
    {
        await host.AddUserAsync(userName, SalesRole.Admin, RecordScope.All);
        return await host.PrincipalAsync(userName);
    }
}
