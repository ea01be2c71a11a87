using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;
using SfaFlow.Sales.Security;

namespace SfaFlow.Web.Security;

/// <summary>
/// <see cref="IUserAccounts"/> with ASP.NET Core Identity. A singleton that opens a scope per call (Identity's stores
/// are scoped), so startup code and seeders can use it without a request.
/// </summary>
internal sealed class IdentityUserAccounts(IServiceScopeFactory scopes, ISalesDatabaseFactory databases) : IUserAccounts
{
    public async Task<bool> EnsureAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentNullException.ThrowIfNull(password);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            return false;
        }

        string? email;
        await using (var db = await databases.OpenAsync(cancellationToken))
        {
            var salesUser = await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => new { u.Email }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new UserAccountException($"There is no sales user '{userName}' to create an account for.");
            email = salesUser.Email;
        }

        // The account's user name is the sales user's exactly: the name claim is how a request finds its sales user.
        var result = await users.CreateAsync(new IdentityUser(userName) { Email = email }, password);
        return result.Succeeded
            ? true
            : throw new UserAccountException($"Could not create the account of '{userName}': {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    public async Task<bool> ExistsAsync(string userName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync(userName) is not null;
    }
}
