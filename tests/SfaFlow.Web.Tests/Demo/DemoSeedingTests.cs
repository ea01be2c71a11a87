using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Sales;
using SfaFlow.Sales.Demo;
using SfaFlow.Web.Demo;

namespace SfaFlow.Web.Tests.Demo;

public sealed class DemoSeedingTests
{
    [Fact]
    public async Task Start_WithTheSeedOption_SeedsTheDemoOrganization()
    {
        using var factory = new SfaFlowApiFactory();
        using var seeding = factory.WithWebHostBuilder(b => b.UseSetting("SfaFlow:Demo:Seed", "true"));
        seeding.CreateClient().Dispose();

        Assert.Equal(DemoUsers.All.Select(u => u.UserName).Order(), await UserNamesAsync(seeding.Services));
    }

    [Fact]
    public async Task Start_OutsideDevelopmentWithoutTheOption_SeedsNothing()
    {
        using var factory = new SfaFlowApiFactory();
        factory.CreateClient().Dispose();

        Assert.Empty(await UserNamesAsync(factory.Services));
    }

    [Fact]
    public void Translate_SeedDemoSwitch_BecomesTheSeedOptionAndLeavesTheRest()
    {
        Assert.Equal(["--SfaFlow:Demo:Seed=true", "--urls", "http://localhost:5001"], DemoCommandLine.Translate(["--seed-demo", "--urls", "http://localhost:5001"]));
        Assert.Equal(["--urls=x"], DemoCommandLine.Translate(["--urls=x"]));
    }

    private static async Task<List<string>> UserNamesAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<ISalesDatabaseFactory>().OpenAsync();
        return await db.Users.OrderBy(u => u.UserName).Select(u => u.UserName).ToListAsync();
    }
}
