using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SfaFlow.Sales;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Security;

namespace SfaFlow.Web.Security;

/// <summary>
/// Creates the first admin from <c>SfaFlow:Auth:InitialAdmin</c> (a sales user with role Admin and scope All, and its
/// account) when no active admin has an account, so that a new installation outside Development can be entered
/// without demo users. Once an admin exists it does nothing, so the setting may stay and never resets a password.
/// Registered after the startup service that migrates the database; hosted services start in registration order.
/// </summary>
internal sealed class InitialAdminSetup(
    IOptions<AuthOptions> options,
    ISalesDatabaseFactory databases,
    IUserAccounts accounts,
    IHostEnvironment environment,
    ILogger<InitialAdminSetup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value.InitialAdmin;
        if (await AnyAdminCanSignInAsync(cancellationToken))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(admin.UserName))
        {
            if (!environment.IsDevelopment())
            {
                logger.LogWarning("No active admin has an account, so nobody can administer SfaFlow: set {Section}:InitialAdmin (docs/security.md).", AuthOptions.SectionName);
            }

            return;
        }

        await EnsureSalesUserAsync(admin, cancellationToken);
        // Two nodes starting together on a new database may race here; the unique user names make one of them fail to start, and a restart finds the admin.
        await accounts.EnsureAsync(admin.UserName, admin.Password!, cancellationToken);
        logger.LogInformation("Created the initial admin '{UserName}' from {Section}:InitialAdmin.", admin.UserName, AuthOptions.SectionName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<bool> AnyAdminCanSignInAsync(CancellationToken cancellationToken)
    {
        List<string> admins;
        await using (var db = await databases.OpenAsync(cancellationToken))
        {
            admins = await db.Users.AsNoTracking().Where(u => u.Role == SalesRole.Admin && u.IsActive).Select(u => u.UserName).ToListAsync(cancellationToken);
        }

        foreach (var admin in admins)
        {
            if (await accounts.ExistsAsync(admin, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private async Task EnsureSalesUserAsync(InitialAdminOptions admin, CancellationToken cancellationToken)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        var existing = await db.Users.FirstOrDefaultAsync(u => u.UserName == admin.UserName, cancellationToken);
        if (existing is null)
        {
            db.Users.Add(new SalesUser
            {
                UserName = admin.UserName!,
                DisplayName = string.IsNullOrWhiteSpace(admin.DisplayName) ? admin.UserName! : admin.DisplayName,
                Role = SalesRole.Admin,
                Scope = RecordScope.All,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (existing.Role != SalesRole.Admin || !existing.IsActive)
        {
            // Never promote someone because of a setting: that the name is taken is a mistake the operator should see.
            throw new InvalidOperationException(
                $"{AuthOptions.SectionName}:InitialAdmin:UserName is '{admin.UserName}', a sales user who is not an active admin; choose another name.");
        }
    }
}
