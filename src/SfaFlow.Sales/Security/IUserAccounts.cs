namespace SfaFlow.Sales.Security;

/// <summary>
/// The sign-in accounts of sales users (the host implements it with ASP.NET Core Identity, in the same database). An
/// account signs in as the <see cref="Organization.SalesUser"/> with the same user name; its role and scope are the sales
/// user's. Safe to call from singletons and startup code: each call uses its own unit of work.
/// </summary>
public interface IUserAccounts
{
    /// <summary>
    /// Creates the sign-in account of an existing sales user with the given password, unless it has one already, in which
    /// case nothing changes (its password included), so seeders can call it on every start.
    /// </summary>
    /// <returns>True when the account was created.</returns>
    /// <exception cref="UserAccountException">There is no such sales user, or the password breaks the password rules.</exception>
    Task<bool> EnsureAsync(string userName, string password, CancellationToken cancellationToken = default);

    /// <summary>Whether the sales user has a sign-in account.</summary>
    Task<bool> ExistsAsync(string userName, CancellationToken cancellationToken = default);
}
