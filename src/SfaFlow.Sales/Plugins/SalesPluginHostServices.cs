using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Plugins.Sales;
using SfaFlow.Workflows.Plugins;

namespace SfaFlow.Sales.Plugins;

/// <summary>
/// Gives every plugin the SDK's sales services (<see cref="ISalesRecords"/>, <see cref="IRecordTasks"/>), scoped per
/// invocation so that each acts for that invocation's caller. They reach the host's sales services (singletons) and
/// nothing else.
/// </summary>
internal sealed class SalesPluginHostServices : IPluginHostServices
{
    public void AddTo(IServiceCollection pluginServices, IServiceProvider hostServices)
    {
        pluginServices.AddScoped<ISalesRecords>(plugin => ActivatorUtilities.CreateInstance<PluginSalesRecords>(hostServices, plugin.GetRequiredService<PluginCallContext>()));
        pluginServices.AddScoped<IRecordTasks>(plugin => ActivatorUtilities.CreateInstance<PluginRecordTasks>(hostServices, plugin.GetRequiredService<PluginCallContext>(), plugin.GetRequiredService<ISalesRecords>()));
    }
}
