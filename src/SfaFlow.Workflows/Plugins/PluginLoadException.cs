namespace SfaFlow.Workflows.Plugins;

/// <summary>A plugin could not be loaded; the host reports it and carries on without it.</summary>
public sealed class PluginLoadException : Exception
{
    public PluginLoadException(PluginFailure failure, string message, Exception? innerException = null)
        : base(message, innerException) => Failure = failure;

    public PluginLoadException()
    {
    }

    public PluginLoadException(string message)
        : base(message)
    {
    }

    public PluginLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PluginFailure Failure { get; } = PluginFailure.LoadFailed;
}
