using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SfaFlow.Data.Sqlite;
using SfaFlow.Data.Sales;
using SfaFlow.Data.Workflows;
using SfaFlow.Sales;
using SfaFlow.Workflows.Runtime.Definitions;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Adds the database (SQLite by default, configured by <see cref="DataOptions"/>) and the stores behind the workflow
    /// runtime. Hosts bind <see cref="DataOptions"/> from <c>SfaFlow:Data</c>.
    /// </summary>
    public static IServiceCollection AddSfaFlowData(this IServiceCollection services)
    {
        services.AddOptions<DataOptions>();
        services.AddPooledDbContextFactory<SfaFlowDbContext>((provider, builder) =>
        {
            var options = provider.GetRequiredService<IOptions<DataOptions>>().Value;
            builder.UseSqlite(options.ConnectionString).AddInterceptors(new SqlitePragmas(options));
        });
        services.TryAddSingleton<DatabaseMigrator>();

        // Stores.
        services.TryAddSingleton<IWorkflowDefinitionStore, EfWorkflowDefinitionStore>();
        services.TryAddSingleton<IWorkflowInstanceStore, SqlWorkflowInstanceStore>();
        services.TryAddSingleton<ISalesDatabaseFactory, EfSalesDatabaseFactory>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
