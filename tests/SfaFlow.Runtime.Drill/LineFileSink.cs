using System.Globalization;
using SfaFlow.Workflows.Execution;

namespace SfaFlow.Runtime.Drill;

/// <summary>
/// Appends every <c>WriteLine</c> of the workflow to a file, one write per line, so that a line survives a SIGKILL right
/// after it (it is in the kernel's page cache once written). Counts the <c>done</c> lines and reports each on standard
/// output as <c>finished N</c>: the test watches those to pick the moment of the kill.
/// </summary>
internal sealed class LineFileSink : ITextSink, IDisposable
{
    private readonly StreamWriter _writer;
    private int _finished;

    public LineFileSink(string path)
    {
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        _writer = new StreamWriter(stream) { AutoFlush = true };
    }

    public void WriteLine(string? text)
    {
        lock (_writer)
        {
            _writer.WriteLine(text);
        }

        if (text?.StartsWith("done ", StringComparison.Ordinal) == true)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"finished {Interlocked.Increment(ref _finished)}"));
        }
    }

    public void Dispose() => _writer.Dispose();
}
