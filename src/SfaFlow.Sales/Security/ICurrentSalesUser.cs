namespace SfaFlow.Sales.Security;

/// <summary>
/// The person the current request acts for (the host implements it from the signed-in user). Resolved once per request:
/// their role, scope, team and regions as they are now in the database, not as they were when they signed in.
/// </summary>
public interface ICurrentSalesUser
{
    /// <returns>Null when nobody is signed in, or the signed-in account has no active sales user.</returns>
    Task<SalesPrincipal?> FindAsync(CancellationToken cancellationToken = default);

    /// <exception cref="UnauthorizedAccessException">Nobody is signed in, or the account has no active sales user.</exception>
    Task<SalesPrincipal> GetAsync(CancellationToken cancellationToken = default);
}
