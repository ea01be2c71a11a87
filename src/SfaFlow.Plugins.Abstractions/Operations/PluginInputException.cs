namespace SfaFlow.Plugins.Operations;

/// <summary>The request to a plugin operation is invalid; the host answers 400 with the message and the path of the bad field.</summary>
public sealed class PluginInputException : Exception
{
    /// <summary>A bad request.</summary>
    /// <param name="message">What is wrong, in words a user understands.</param>
    /// <param name="path">The JSON path of the bad field, for example <c>criteria[2].weight</c>; null for the whole body.</param>
    public PluginInputException(string message, string? path = null)
        : base(message) => Path = path;

    /// <summary>An invalid request without details.</summary>
    public PluginInputException()
    {
    }

    /// <summary>An invalid request with the failure that revealed it.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The failure, for example a JSON parse error.</param>
    public PluginInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The JSON path of the bad field; null for the whole body.</summary>
    public string? Path { get; }
}
