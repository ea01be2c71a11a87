namespace SfaFlow.Workflows.Plugins;

/// <summary>Whom a plugin acts for in one invocation; the host services it calls act within that caller's record scope.</summary>
public enum PluginCallerKind
{
    /// <summary>A workflow instance (a plugin activity or a script function); <see cref="PluginCaller.Id"/> is the instance id.</summary>
    Workflow,

    /// <summary>A signed-in user (a plugin operation over HTTP); <see cref="PluginCaller.Id"/> is the user name.</summary>
    User,

    /// <summary>The plugin itself (an event listener); <see cref="PluginCaller.Id"/> is the plugin id.</summary>
    Plugin,
}
