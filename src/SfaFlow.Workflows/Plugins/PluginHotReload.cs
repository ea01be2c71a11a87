using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SfaFlow.Workflows.Plugins;

/// <summary>
/// Development hot reload: watches the plugins folder and, once a plugin's files have been quiet for
/// <see cref="PluginOptions.HotReloadDelay"/> (a build writes many files), reloads that plugin (or unloads it when its folder
/// is gone). Activity type keys stay the same, so instances waiting on a plugin activity resume on the new version.
/// </summary>
public sealed class PluginHotReload(PluginManager plugins, IHostEnvironment environment, TimeProvider clock, ILogger<PluginHotReload> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _changed = new(StringComparer.Ordinal);

    public bool Enabled => plugins.Options.HotReload ?? environment.IsDevelopment();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var root = plugins.Options.ResolveFolder();
        if (!Enabled || !Directory.Exists(root))
        {
            return;
        }

        using var watcher = new FileSystemWatcher(root) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
        watcher.Changed += (_, e) => Touch(root, e.FullPath);
        watcher.Created += (_, e) => Touch(root, e.FullPath);
        watcher.Deleted += (_, e) => Touch(root, e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            Touch(root, e.OldFullPath);
            Touch(root, e.FullPath);
        };
        // An overflowing event buffer loses changes: look at every plugin again.
        watcher.Error += (_, _) => Reconcile(root);
        watcher.EnableRaisingEvents = true;
        logger.LogInformation("Watching {Folder} for plugin changes.", root);

        // Files replaced between the host's first load and now raised no event.
        Reconcile(root);

        var delay = plugins.Options.HotReloadDelay;
        var tick = TimeSpan.FromTicks(Math.Max(delay.Ticks / 3, TimeSpan.FromMilliseconds(50).Ticks));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(tick, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            foreach (var (folder, at) in _changed)
            {
                if (clock.GetUtcNow() - at >= delay && _changed.TryRemove(new KeyValuePair<string, DateTimeOffset>(folder, at)))
                {
                    Reload(folder);
                }
            }
        }
    }

    private void Touch(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        var first = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
        if (first is "." or ".." || first.Length == 0)
        {
            return;
        }

        _changed[Path.Combine(root, first)] = clock.GetUtcNow();
    }

    /// <summary>Marks every plugin folder whose files differ from what is loaded (or that is new, or gone) as changed.</summary>
    private void Reconcile(string root)
    {
        var loaded = plugins.Catalog.All.ToDictionary(p => Path.GetFullPath(p.Folder), p => p.Hash, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        foreach (var folder in Directory.EnumerateDirectories(root).Select(Path.GetFullPath))
        {
            if (!loaded.TryGetValue(folder, out var hash) || !string.Equals(hash, HashOrNull(folder), StringComparison.OrdinalIgnoreCase))
            {
                _changed[folder] = now;
            }
        }

        foreach (var gone in loaded.Keys.Where(folder => !Directory.Exists(folder)))
        {
            _changed[gone] = now;
        }
    }

    private static string? HashOrNull(string folder)
    {
        try
        {
            return PluginHash.Compute(folder);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private void Reload(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                logger.LogInformation("Plugin files changed in {Folder}; reloading.", folder);
                plugins.Load(folder);
            }
            else
            {
                plugins.Unload(folder);
            }
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Reloading the plugin in {Folder} failed.", folder);
        }
    }
}
