using System.Collections.Immutable;

namespace SfaFlow.Workflows.Plugins;

/// <summary>Every plugin folder the host tried, loaded or failed, by folder. Safe to read while plugins reload.</summary>
public sealed class PluginCatalog
{
    private ImmutableDictionary<string, PluginInfo> _byFolder = ImmutableDictionary.Create<string, PluginInfo>(StringComparer.Ordinal);

    public IReadOnlyList<PluginInfo> All => [.. _byFolder.Values.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase)];

    /// <summary>The loaded plugin with this id, or else a failed one, or null.</summary>
    public PluginInfo? Find(string id) =>
        _byFolder.Values.Where(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase)).OrderBy(p => p.State).FirstOrDefault();

    internal void Set(PluginInfo info) => ImmutableInterlocked.AddOrUpdate(ref _byFolder, info.Folder, info, (_, _) => info);

    internal void Remove(string folder) => ImmutableInterlocked.TryRemove(ref _byFolder, folder, out _);
}
