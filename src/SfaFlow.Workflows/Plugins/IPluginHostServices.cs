using Microsoft.Extensions.DependencyInjection;

namespace SfaFlow.Workflows.Plugins;

/// <summary>
/// Adds host services to each plugin's own service provider (the SDK's <c>ISalesRecords</c> and <c>IRecordTasks</c> come
/// from the sales module this way). Implementations are registered in the host's services; the loader calls every one
/// when it builds a plugin's provider.
/// </summary>
public interface IPluginHostServices
{
    /// <summary>Adds the services to a plugin's collection.</summary>
    /// <param name="pluginServices">The plugin's service collection (a scoped <see cref="PluginCallContext"/> is in it).</param>
    /// <param name="hostServices">The host's root provider, for adapters that open host scopes per call.</param>
    void AddTo(IServiceCollection pluginServices, IServiceProvider hostServices);
}
