using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SfaFlow.Sales.Demo;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales;

public static class SalesServiceCollectionExtensions
{
    /// <summary>Adds the sales domain's services (the database behind them comes from <c>AddSfaFlowData</c>).</summary>
    public static IServiceCollection AddSfaFlowSales(this IServiceCollection services)
    {
        services.TryAddSingleton<SalesPrincipalResolver>();
        services.TryAddSingleton<DemoOrganizationSeeder>();
        return services;
    }
}
