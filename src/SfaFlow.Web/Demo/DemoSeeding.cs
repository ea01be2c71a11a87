using Microsoft.Extensions.Options;
using SfaFlow.Sales.Demo;

namespace SfaFlow.Web.Demo;

/// <summary>
/// Seeds the demo organization into an empty database at startup, after the migrations (it is registered right after
/// <see cref="SfaFlowStartup"/>, and hosted services start in order): in Development by default, elsewhere only when
/// asked (<c>--seed-demo</c> or <c>SfaFlow:Demo:Seed</c>), because the demo users' passwords are public.
/// </summary>
internal sealed class DemoSeeding(DemoOrganizationSeeder seeder, IHostEnvironment environment, IOptions<DemoOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Seed ?? environment.IsDevelopment())
        {
            await seeder.SeedIfEmptyAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
