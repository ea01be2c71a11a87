using Microsoft.Extensions.DependencyInjection;

namespace SfaFlow.Plugins;

/// <summary>
/// The entry point of a plugin: the host finds the one public class implementing it in the entry assembly named by the
/// plugin's <c>plugin.json</c>, creates it with its parameterless constructor, then calls <see cref="ConfigureServices"/>
/// and <see cref="Register"/> once per load.
/// </summary>
/// <remarks>
/// A plugin gets its own service provider: what <see cref="ConfigureServices"/> adds, plus the host services the SDK
/// defines (<see cref="Sales.ISalesRecords"/>, <see cref="Sales.IRecordTasks"/>, <see cref="TimeProvider"/>,
/// <c>ILogger&lt;T&gt;</c>). It never sees the host's other services. A plugin can be unloaded and loaded again (hot reload
/// in Development), so it must not keep static state that outlives its load or hand its objects to static caches.
/// </remarks>
public interface ISfaFlowPlugin
{
    /// <summary>Adds the plugin's own services, resolved by its activities, script functions, event listeners and operations.</summary>
    /// <param name="services">The plugin's service collection (the host services are already in it).</param>
    void ConfigureServices(IServiceCollection services);

    /// <summary>Declares what the plugin contributes: activities, script functions, event listeners and operations.</summary>
    /// <param name="plugin">Collects the contributions; the host registers them once this method returns without throwing.</param>
    void Register(IPluginBuilder plugin);
}
