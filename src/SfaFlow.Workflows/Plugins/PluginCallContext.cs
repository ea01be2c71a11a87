namespace SfaFlow.Workflows.Plugins;

/// <summary>
/// Scoped in each plugin's service provider: the loader opens a scope for every invocation of a plugin (an activity run,
/// a script function call, an event delivery, an operation request) and sets <see cref="Caller"/> before the plugin code
/// runs, so host services resolved in that scope know whom they act for.
/// </summary>
public sealed class PluginCallContext
{
    /// <summary>The plugin whose provider this is.</summary>
    public required string PluginId { get; init; }

    /// <summary>Whom the plugin acts for; the plugin itself until the loader says otherwise.</summary>
    public PluginCaller? Caller { get; set; }
}
