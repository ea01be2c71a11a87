namespace SfaFlow.Workflows.Execution;

/// <summary>A run reached an activity whose type no registered activity or plugin provides.</summary>
public sealed class UnknownActivityTypeException : Exception
{
    public UnknownActivityTypeException(string typeKey)
        : base($"Activity type '{typeKey}' is not known to SfaFlow (is the plugin that provides it installed?).") =>
        TypeKey = typeKey;

    public UnknownActivityTypeException()
        : this("unknown")
    {
    }

    public UnknownActivityTypeException(string message, Exception innerException)
        : base(message, innerException) => TypeKey = "unknown";

    public string TypeKey { get; }
}
