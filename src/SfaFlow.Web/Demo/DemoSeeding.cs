using Microsoft.Extensions.Options;
using SfaFlow.Sales.Demo;
using SfaFlow.Sales.Security;

namespace SfaFlow.Web.Demo;

/// <summary>
/// Seeds the demo organization into an empty database at startup, after the migrations (it is registered right after
/// <see cref="SfaFlowStartup"/>, and hosted services start in order): in Development by default, elsewhere only when
/// asked (<c>--seed-demo</c> or <c>SfaFlow:Demo:Seed</c>), because the demo users' passwords are public.
/// </summary>
internal sealed class DemoSeeding(DemoOrganizationSeeder seeder, IUserAccounts accounts, IHostEnvironment environment, IOptions<DemoOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Seed ?? environment.IsDevelopment())
        {
            if (await seeder.SeedIfEmptyAsync(cancellationToken) == DemoSeedOutcome.Seeded)
            {
                // The demo users sign in with the passwords the README lists (demo only).
                foreach (var user in DemoUsers.All)
                {
                    await accounts.EnsureAsync(user.UserName, user.Password, cancellationToken);
                }
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
