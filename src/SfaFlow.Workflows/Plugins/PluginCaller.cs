namespace SfaFlow.Workflows.Plugins;

/// <summary>Whom a plugin acts for in one invocation.</summary>
/// <param name="Kind">A workflow, a user or the plugin itself.</param>
/// <param name="Id">The workflow instance id, the user name or the plugin id.</param>
public sealed record PluginCaller(PluginCallerKind Kind, string Id);
