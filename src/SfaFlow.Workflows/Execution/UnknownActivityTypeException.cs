namespace SfaFlow.Workflows.Execution;

/// <summary>A run reached an activity whose type no registered activity or plugin provides.</summary>
public sealed class UnknownActivityTypeException : Exception
{
    public UnknownActivityTypeException(string typeKey)
        : base(Describe(typeKey)) =>
        TypeKey = typeKey;

    public UnknownActivityTypeException()
        : this("unknown")
    {
    }

    public UnknownActivityTypeException(string message, Exception innerException)
        : base(message, innerException) => TypeKey = "unknown";

    public string TypeKey { get; }

    /// <summary>
    /// Points at the likely cause: a plugin type key starts with its plugin's id, and a plugin that failed to load says why
    /// in GET /api/plugins. The workflow was published with a warning about this activity; the instance can be retried.
    /// </summary>
    private static string Describe(string typeKey)
    {
        var dot = typeKey.IndexOf('.', StringComparison.Ordinal);
        var plugin = dot > 0 && typeKey[..dot] is not ("Elsa" or "Sfa") ? $"plugin '{typeKey[..dot]}'" : "the plugin that provides it";
        return $"Activity type '{typeKey}' is provided by no built-in activity, workflow or loaded plugin: is {plugin} installed and loaded " +
               "(GET /api/plugins lists every plugin, and why one failed)? Once it is, retry the instance.";
    }
}
