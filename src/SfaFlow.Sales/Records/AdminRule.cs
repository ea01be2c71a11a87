using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Records;

/// <summary>Base data and the organization (products, pipelines, regions, teams, categories, users) are changed by admins only.</summary>
internal static class AdminRule
{
    /// <exception cref="PermissionDeniedException">The principal is not an admin.</exception>
    public static void RequireAdmin(this SalesPrincipal by, string what)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!by.IsAdmin)
        {
            throw new PermissionDeniedException($"Only an admin may {what}.");
        }
    }
}
