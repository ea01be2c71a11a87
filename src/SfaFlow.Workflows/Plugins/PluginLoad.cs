using System.Text.Json;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Plugins.Operations;

namespace SfaFlow.Workflows.Plugins;

/// <summary>
/// One loaded version of a plugin: its load context, its own service provider and what it registered. Everything that
/// refers to the plugin's types hangs off this object, so dropping it (after <see cref="Dispose"/>) lets the context unload.
/// </summary>
internal sealed class PluginLoad(PluginManifest manifest, string folder, string hash, PluginLoader loader) : IDisposable
{
    public PluginManifest Manifest { get; } = manifest;

    public string Id => Manifest.Id;

    public string Folder { get; } = folder;

    public string Hash { get; } = hash;

    public PluginLoader Loader { get; } = loader;

    public ServiceProvider? Services { get; set; }

    /// <summary>
    /// Serializes this plugin's results. Owned by the load, never the host's shared options: System.Text.Json caches
    /// metadata per type in its options, and a shared instance would keep the plugin's types (and its context) alive.
    /// </summary>
    public JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public List<string> ActivityKeys { get; } = [];

    public List<PluginActivity> ActivityHosts { get; } = [];

    public List<string> FunctionNames { get; } = [];

    public List<Type> Listeners { get; } = [];

    public Dictionary<string, PluginOperation> Operations { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Opens a scope of the plugin's provider acting for <paramref name="caller"/>.</summary>
    public AsyncServiceScope OpenScope(PluginCaller caller)
    {
        var services = Services ?? throw new ObjectDisposedException($"Plugin {Id}");
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PluginCallContext>().Caller = caller;
        return scope;
    }

    public void Dispose()
    {
        foreach (var host in ActivityHosts)
        {
            host.Detach();
        }

        ActivityHosts.Clear();
        Operations.Clear();
        Listeners.Clear();
        Services?.Dispose();
        Services = null;
        Loader.Dispose();
    }
}
