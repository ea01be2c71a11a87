using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SfaFlow.Data.Outbox;
using SfaFlow.Data.Plugins;
using SfaFlow.Data.Sqlite;
using SfaFlow.Data.Sales;
using SfaFlow.Data.Workflows;
using SfaFlow.Sales;
using SfaFlow.Workflows.Plugins;
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
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxCommitInterceptor>();
        services.AddPooledDbContextFactory<SfaFlowDbContext>((provider, builder) =>
        {
            var options = provider.GetRequiredService<IOptions<DataOptions>>().Value;
            builder.UseSqlite(options.ConnectionString)
                .AddInterceptors(new SqlitePragmas(options), provider.GetRequiredService<OutboxCommitInterceptor>());
        });
        services.TryAddSingleton<DatabaseMigrator>();

        // Stores.
        services.TryAddSingleton<IWorkflowDefinitionStore, EfWorkflowDefinitionStore>();
        services.TryAddSingleton<IWorkflowInstanceStore, SqlWorkflowInstanceStore>();
        services.TryAddSingleton<ISalesDatabaseFactory, EfSalesDatabaseFactory>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxStore>();

        // In place of the plugins' in-memory store, whether they were added before or after.
        services.Replace(ServiceDescriptor.Singleton<IPluginDeliveryStore, SqlPluginDeliveryStore>());
        return services;
    }

    /// <summary>
    /// Adds the outbox dispatcher as a hosted service: it hands the domain events that commits wrote
    /// (<see cref="OutboxDbContextExtensions.AddDomainEvent"/>) to the workflow runtime. Needs <see cref="AddSfaFlowData"/>
    /// and the runtime (<c>AddSfaFlowRuntime</c>). Hosts bind <see cref="OutboxOptions"/> from <c>SfaFlow:Outbox</c>.
    /// </summary>
    public static IServiceCollection AddSfaFlowOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>());
        services.TryAddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
