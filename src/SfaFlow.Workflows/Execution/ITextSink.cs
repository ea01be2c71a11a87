namespace SfaFlow.Workflows.Execution;

/// <summary>Where <c>Elsa.WriteLine</c> writes. The default writes to standard output; tests and the CLI capture lines.</summary>
public interface ITextSink
{
    void WriteLine(string? text);
}

/// <summary>Writes lines to the console.</summary>
public sealed class ConsoleTextSink : ITextSink
{
    public void WriteLine(string? text) => Console.Out.WriteLine(text);
}

/// <summary>Collects lines in memory, in order.</summary>
public sealed class CapturingTextSink : ITextSink
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public void WriteLine(string? text)
    {
        lock (_lines)
        {
            _lines.Add(text ?? "");
        }
    }
}
