namespace SfaFlow.Workflows.Scripting;

/// <summary>A script does not parse. Line and column are 1-based and refer to the script as written.</summary>
public sealed class ScriptSyntaxException : Exception
{
    public ScriptSyntaxException(string description, int line, int column, Exception? innerException = null)
        : base($"{description} (line {line}, column {column})", innerException)
    {
        Description = description;
        Line = line;
        Column = column;
    }

    public ScriptSyntaxException()
        : this("The script does not parse.", 1, 1)
    {
    }

    public ScriptSyntaxException(string message)
        : this(message, 1, 1)
    {
    }

    public ScriptSyntaxException(string message, Exception innerException)
        : this(message, 1, 1, innerException)
    {
    }

    public string Description { get; }

    public int Line { get; }

    public int Column { get; }
}
