using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SfaFlow.Workflows.Activities.Catalog;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Workflows.Plugins;

/// <summary>
/// Loads, reloads and unloads the plugins in the plugins folder. A plugin that fails at any stage is listed as failed with
/// its reason, whatever it had registered is taken back, and the host carries on. Loads and unloads are serialized.
/// </summary>
public sealed partial class PluginManager(
    ActivityRegistry activities,
    ScriptFunctionRegistry functions,
    PluginCatalog catalog,
    IOptions<PluginOptions> options,
    IEnumerable<IPluginHostServices> hostServices,
    IServiceProvider hostProvider,
    TimeProvider clock,
    ILoggerFactory loggers) : IDisposable
{
    private readonly ConcurrentDictionary<string, PluginLoad> _loads = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ILogger _logger = loggers.CreateLogger<PluginManager>();
    private readonly IPluginHostServices[] _hostServices = [.. hostServices];

    public PluginOptions Options { get; } = options.Value;

    public PluginCatalog Catalog { get; } = catalog;

    /// <summary>Loads every plugin folder under <see cref="PluginOptions.Folder"/> (a missing folder means no plugins).</summary>
    public IReadOnlyList<PluginInfo> LoadAll()
    {
        var root = Options.ResolveFolder();
        if (!Directory.Exists(root))
        {
            _logger.LogInformation("No plugins folder at {Folder}; no plugins loaded.", root);
            return [];
        }

        return [.. Directory.GetDirectories(root).OrderBy(f => f, StringComparer.Ordinal).Select(Load)];
    }

    /// <summary>Loads (or reloads) the plugin in <paramref name="folder"/>: the previous version, if any, is unloaded first.</summary>
    public PluginInfo Load(string folder)
    {
        folder = Path.GetFullPath(folder);
        _gate.Wait();
        try
        {
            UnloadCore(folder);
            var info = LoadCore(folder);
            Catalog.Set(info);
            // A failure was logged where it was caught, with its exception.
            if (info.State == PluginState.Loaded)
            {
                _logger.LogInformation("Loaded plugin {Plugin} {Version} from {Folder}: {Activities} activities, {Functions} script functions.",
                    info.Id, info.Version, folder, info.Activities.Count, info.Functions.Count);
            }

            return info;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Unloads the plugin in <paramref name="folder"/> and forgets it (its folder was deleted).</summary>
    public void Unload(string folder)
    {
        folder = Path.GetFullPath(folder);
        _gate.Wait();
        try
        {
            UnloadCore(folder);
            Catalog.Remove(folder);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The loaded version of the plugin with this id.</summary>
    internal PluginLoad? Find(string id) =>
        _loads.Values.FirstOrDefault(l => string.Equals(l.Id, id, StringComparison.OrdinalIgnoreCase));

    internal IReadOnlyCollection<PluginLoad> Loaded => [.. _loads.Values];

    private void UnloadCore(string folder)
    {
        if (!_loads.TryRemove(folder, out var load))
        {
            return;
        }

        Unregister(load);
        load.Dispose();
        _logger.LogInformation("Unloaded plugin {Plugin} from {Folder}.", load.Id, folder);
    }

    private void Unregister(PluginLoad load)
    {
        foreach (var key in load.ActivityKeys)
        {
            activities.Unregister(key);
        }

        foreach (var name in load.FunctionNames)
        {
            functions.Unregister(name);
        }

        load.ActivityKeys.Clear();
        load.FunctionNames.Clear();
    }

    public void Dispose()
    {
        foreach (var folder in _loads.Keys.ToList())
        {
            UnloadCore(folder);
        }

        _gate.Dispose();
    }
}
