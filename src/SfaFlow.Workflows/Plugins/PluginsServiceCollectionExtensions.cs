using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SfaFlow.Workflows.Runtime;

namespace SfaFlow.Workflows.Plugins;

public static class PluginsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the plugin loader, its catalog, event delivery to plugin listeners and Development hot reload. The host calls
    /// <see cref="PluginManager.LoadAll"/> at startup, before it publishes workflows that may use plugin activities.
    /// Hosts bind <see cref="PluginOptions"/> from <see cref="PluginOptions.SectionName"/>.
    /// </summary>
    public static IServiceCollection AddSfaFlowPlugins(this IServiceCollection services)
    {
        services.AddSfaFlowWorkflows();
        services.AddOptions<PluginOptions>();
        services.TryAddSingleton<PluginCatalog>();
        services.TryAddSingleton<PluginManager>();

        // Events: the in-memory delivery store unless the data layer adds its durable one (before or after this).
        services.TryAddSingleton<IPluginDeliveryStore, InMemoryPluginDeliveryStore>();
        services.TryAddSingleton<PluginEventDelivery>();
        services.AddSingleton<ICommittedEventObserver>(provider => provider.GetRequiredService<PluginEventDelivery>());
        services.AddHostedService(provider => provider.GetRequiredService<PluginEventDelivery>());

        // Development.
        services.AddHostedService<PluginHotReload>();
        return services;
    }
}
