namespace SfaFlow.Workflows.Plugins;

public enum PluginState
{
    Loaded,
    Failed,
}
