using System.Globalization;

namespace SfaFlow.Benchmarks.Runtime;

/// <summary>The harness's results and the issue's targets, written as the Markdown tables of README.md.</summary>
internal sealed class RuntimeReport(Scale scale)
{
    public Dictionary<string, IReadOnlyList<double>> Ceiling { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<int, Measurement>> Start { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Latency> Resume { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Latency> CommitLatency { get; } = new(StringComparer.Ordinal);

    public Dictionary<int, Measurement> StartWithHistory { get; } = [];

    /// <summary>Start-to-finish on an empty database, measured round by round in turn with <see cref="StartWithHistory"/>.</summary>
    public Dictionary<int, Measurement> EmptyInTurn { get; } = [];

    public Latency? ResumeWithHistory { get; set; }

    public double HistoryMegabytes { get; set; }

    public Latency? SteadyTimers { get; set; }

    public Latency? BurstTimers { get; set; }

    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var full = Best(Start["FULL"]);
        var normal = Best(Start["NORMAL"]);
        var history = Best(StartWithHistory);
        var historyRatio = StartWithHistory[history.Callers].RatioTo(EmptyInTurn[history.Callers]);
        writer.WriteLine("| Measurement | synchronous=FULL | synchronous=NORMAL |");
        writer.WriteLine("|---|---:|---:|");
        writer.WriteLine($"| Raw SQLite commits/s, the ceiling (median of {Ceiling["FULL"].Count} rounds, min-max) | {Span(Ceiling["FULL"])} | {Span(Ceiling["NORMAL"])} |");
        writer.WriteLine($"| Durable start-to-finish, lead flowchart, 1 caller: instances/s (ratio to the ceiling) | {Rate(Start["FULL"][1])} | {Rate(Start["NORMAL"][1])} |");
        writer.WriteLine($"| Same, 2 concurrent callers | {Rate(Start["FULL"][2])} | {Rate(Start["NORMAL"][2])} |");
        writer.WriteLine($"| Resume of an instance suspended on an event, p50 / p99 / max | {Ms(Resume["FULL"])} | {Ms(Resume["NORMAL"])} |");
        writer.WriteLine($"| One raw commit, p50 / p99 / max (a resume makes two) | {Ms(CommitLatency["FULL"])} | {Ms(CommitLatency["NORMAL"])} |");
        writer.WriteLine($"| In turn, round by round: empty database / with {scale.SuspendedHistory:N0} suspended + {scale.FinishedHistory:N0} finished instances ({HistoryMegabytes:N0} MB), 1 caller | {InTurn(1)} | |");
        writer.WriteLine($"| Same, 2 concurrent callers | {InTurn(2)} | |");
        writer.WriteLine($"| Same history, resume p50 / p99 / max | {(ResumeWithHistory is null ? "" : Ms(ResumeWithHistory))} | |");
        writer.WriteLine($"| Timer lateness, hosted scheduler, {scale.SteadyTimers:N0} timers due evenly over {scale.SteadyTimerSpread.TotalSeconds:0} s, p50 / p99 / max | {Ms(SteadyTimers!)} | |");
        writer.WriteLine($"| Same, {scale.BurstTimers:N0} timers due at the same moment | {Ms(BurstTimers!)} | |");
        writer.WriteLine();
        writer.WriteLine("| Target | Measured | Met |");
        writer.WriteLine("|---|---|---|");
        Target(writer, "Start-to-finish at least 1,000 instances/s (FULL)", $"{full.Rate:N0}/s ({full.Callers} caller(s))", full.Rate >= 1_000);
        Target(writer, "Start-to-finish at least 2,000 instances/s (NORMAL)", $"{normal.Rate:N0}/s ({normal.Callers} caller(s))", normal.Rate >= 2_000);
        Target(writer, "Resume p50 at most 3 ms (FULL)", $"{Resume["FULL"].P50:0.00} ms", Resume["FULL"].P50 <= 3);
        Target(writer, "Resume p99 at most 25 ms (FULL)", $"{Resume["FULL"].P99:0.00} ms", Resume["FULL"].P99 <= 25);
        Target(writer, "Timer lateness p99 at most 1 s (FULL, steady load)", $"{SteadyTimers!.P99:N0} ms", SteadyTimers.P99 <= 1_000);
        Target(writer, "Throughput with that history at most 20% lower (FULL; median of the round-by-round ratios, best caller count)",
            $"{history.Rate:N0}/s vs {EmptyInTurn[history.Callers].Median:N0}/s: {historyRatio - 1:+0%;-0%}", historyRatio >= 0.8);
    }

    private string InTurn(int callers) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{EmptyInTurn[callers].Median:N0} / {StartWithHistory[callers].Median:N0} ({StartWithHistory[callers].RatioTo(EmptyInTurn[callers]) - 1:+0%;-0%})");

    private static (double Rate, int Callers) Best(Dictionary<int, Measurement> byCallers) =>
        byCallers.Select(p => (p.Value.Median, p.Key)).MaxBy(p => p.Median);

    private static string Span(IReadOnlyList<double> rates) =>
        string.Create(CultureInfo.InvariantCulture, $"{Measurement.Percentile([.. rates], 50):N0} ({rates.Min():N0}-{rates.Max():N0})");

    private static string Rate(Measurement measurement) =>
        string.Create(CultureInfo.InvariantCulture, $"{measurement.Median:N0} ({measurement.CeilingRatio:P0})");

    private static string Ms(Latency latency) =>
        string.Create(CultureInfo.InvariantCulture, $"{latency.P50:0.00} / {latency.P99:0.00} / {latency.Max:0.0} ms");

    private static void Target(TextWriter writer, string target, string measured, bool met) =>
        writer.WriteLine($"| {target} | {measured} | {(met ? "yes" : "**no**")} |");
}
