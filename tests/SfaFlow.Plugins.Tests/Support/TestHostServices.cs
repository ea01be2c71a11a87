using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Workflows.Plugins;

namespace SfaFlow.Plugins.Tests.Support;

/// <summary>
/// Host services for the test plugin, in BCL types both sides share: a sink its listener writes to, and whom the plugin
/// acts for in the current scope (read from the loader's <see cref="PluginCallContext"/>).
/// </summary>
internal sealed class TestHostServices : IPluginHostServices
{
    public ConcurrentQueue<string> Sink { get; } = new();

    public void AddTo(IServiceCollection pluginServices, IServiceProvider hostServices)
    {
        pluginServices.AddSingleton(Sink);
        pluginServices.AddScoped<IReadOnlyDictionary<string, string>>(provider =>
        {
            var caller = provider.GetRequiredService<PluginCallContext>().Caller;
            return new Dictionary<string, string> { ["caller"] = $"{caller?.Kind}:{caller?.Id}" };
        });
    }
}
