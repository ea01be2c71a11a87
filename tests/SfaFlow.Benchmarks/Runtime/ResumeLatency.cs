using System.Diagnostics;

namespace SfaFlow.Benchmarks.Runtime;

/// <summary>Latency of <c>ResumeAsync</c> on instances suspended on an event, one at a time, after a warm-up.</summary>
internal static class ResumeLatency
{
    public static async Task<Latency> MeasureAsync(DurableHost host, Scale scale)
    {
        var bookmarks = new List<string>();
        for (var i = 0; i < scale.WarmUpOperations + scale.ResumeSamples; i++)
        {
            bookmarks.Add((await host.StartWaitingAsync()).BookmarkId);
        }

        foreach (var bookmark in bookmarks.Take(scale.WarmUpOperations))
        {
            await host.ResumeAsync(bookmark);
        }

        var samples = new List<double>();
        foreach (var bookmark in bookmarks.Skip(scale.WarmUpOperations))
        {
            var started = Stopwatch.GetTimestamp();
            await host.ResumeAsync(bookmark);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return new Latency([.. samples]);
    }
}

/// <summary>Milliseconds per operation.</summary>
internal sealed record Latency(double[] Samples)
{
    public double P50 => Measurement.Percentile(Samples, 50);

    public double P99 => Measurement.Percentile(Samples, 99);

    public double Max => Samples.Max();
}
