using SfaFlow.Workflows.Execution;

namespace SfaFlow.Benchmarks.Flowchart;

/// <summary>A sink that only counts lines and keeps the last one, so console I/O stays out of the measurement.</summary>
internal sealed class CountingTextSink : ITextSink
{
    public int Count { get; private set; }

    public string? LastLine { get; private set; }

    public void WriteLine(string? text)
    {
        Count++;
        LastLine = text;
    }

    public void Reset()
    {
        Count = 0;
        LastLine = null;
    }
}
