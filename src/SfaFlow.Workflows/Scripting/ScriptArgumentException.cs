namespace SfaFlow.Workflows.Scripting;

/// <summary>A host function was called with a missing or mistyped argument; the script sees a <c>TypeError</c> with the message.</summary>
public sealed class ScriptArgumentException : ArgumentException
{
    public ScriptArgumentException()
    {
    }

    public ScriptArgumentException(string message)
        : base(message)
    {
    }

    public ScriptArgumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
