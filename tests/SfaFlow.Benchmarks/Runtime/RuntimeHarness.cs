using System.Diagnostics;
using System.Globalization;

namespace SfaFlow.Benchmarks.Runtime;

/// <summary>
/// The durable runtime's load harness (<c>dotnet run -c Release --project tests/SfaFlow.Benchmarks -- runtime</c>):
/// the raw SQLite commit ceiling, durable start-to-finish throughput, resume latency, and throughput again with a large
/// history in the database, all in one run on one disk. See README.md next to the project.
/// </summary>
internal static class RuntimeHarness
{
    private static readonly string[] Synchronous = ["FULL", "NORMAL"];

    public static async Task<int> RunAsync(string[] args)
    {
        var scale = args.Contains("--quick") ? Scale.Quick : Scale.Full;
        using var folder = new BenchFolder();
        Log($"Databases in {folder.Path}.");
        if (args.Contains("--breakdown"))
        {
            await BreakDownAsync(folder, scale);
            return 0;
        }

        var clock = Stopwatch.StartNew();
        var report = new RuntimeReport(scale);
        using var full = new RawCommitProbe(folder.File("raw-FULL.db"), "FULL");
        using var normal = new RawCommitProbe(folder.File("raw-NORMAL.db"), "NORMAL");
        foreach (var (synchronous, ceiling) in new[] { ("FULL", full), ("NORMAL", normal) })
        {
            await using var host = await OpenAsync(folder.File($"runtime-{synchronous}.db"), synchronous);
            report.Start[synchronous] = await MeasureStartsAsync(host, scale, synchronous, ceiling);
            report.Resume[synchronous] = await ResumeLatency.MeasureAsync(host, scale);
            report.CommitLatency[synchronous] = ceiling.Latency(scale.ResumeSamples);
            Log($"Resume latency, {synchronous}: p50 {report.Resume[synchronous].P50:0.00} ms, p99 {report.Resume[synchronous].P99:0.00} ms " +
                $"(one raw commit: p50 {report.CommitLatency[synchronous].P50:0.00} ms, p99 {report.CommitLatency[synchronous].P99:0.00} ms)");
        }

        await MeasureTimersAsync(folder, scale, report);
        await MeasureHistoryAsync(folder, scale, report, full);
        report.Ceiling["FULL"] = full.Rates;
        report.Ceiling["NORMAL"] = normal.Rates;
        Log($"Done in {clock.Elapsed.TotalMinutes:0.0} min.");
        Console.WriteLine();
        report.Write(Console.Out);
        return 0;
    }

    /// <summary>Scheduler lateness (FULL): timers due evenly over a window, then a burst all due at once.</summary>
    private static async Task MeasureTimersAsync(BenchFolder folder, Scale scale, RuntimeReport report)
    {
        await using (var steady = await OpenAsync(folder.File("timers-steady.db"), "FULL", runScheduler: true))
        {
            report.SteadyTimers = await TimerLateness.MeasureAsync(steady, scale.SteadyTimers, scale.SteadyTimerSpread);
        }

        Log($"Timer lateness, {scale.SteadyTimers:N0} timers due over {scale.SteadyTimerSpread.TotalSeconds:0} s: {Ms(report.SteadyTimers)}");
        await using (var burst = await OpenAsync(folder.File("timers-burst.db"), "FULL", runScheduler: true))
        {
            report.BurstTimers = await TimerLateness.MeasureAsync(burst, scale.BurstTimers, TimeSpan.Zero);
        }

        Log($"Timer lateness, {scale.BurstTimers:N0} timers due at once: {Ms(report.BurstTimers)}");
    }

    private static string Ms(Latency latency) => $"p50 {latency.P50:N0} ms, p99 {latency.P99:N0} ms, max {latency.Max:N0} ms";

    /// <summary>
    /// Start-to-finish on an empty database and on one with a large history, round by round in turn (with a ceiling
    /// round before each pair), so that both see the same disk; then resume latency with that history.
    /// </summary>
    private static async Task MeasureHistoryAsync(BenchFolder folder, Scale scale, RuntimeReport report, RawCommitProbe ceiling)
    {
        await using var empty = await OpenAsync(folder.File("empty.db"), "FULL");
        await using var history = await OpenAsync(folder.File("history.db"), "FULL");
        var seeding = Stopwatch.StartNew();
        HistorySeeder.Seed(folder.File("history.db"), await history.QualifyLeadAsync(), (await history.StartWaitingAsync()).Instance, scale.FinishedHistory, scale.SuspendedHistory);
        report.HistoryMegabytes = new FileInfo(folder.File("history.db")).Length / 1e6;
        Log($"Seeded {scale.FinishedHistory:N0} finished and {scale.SuspendedHistory:N0} suspended instances in {seeding.Elapsed.TotalSeconds:0} s ({report.HistoryMegabytes:N0} MB).");
        foreach (var callers in new[] { 1, 2 })
        {
            var measured = await Throughput.MeasureInTurnAsync([empty.QualifyLeadAsync, history.QualifyLeadAsync], callers, scale, ceiling, scale.Rounds * 2);
            (report.EmptyInTurn[callers], report.StartWithHistory[callers]) = (measured[0], measured[1]);
            Log($"Durable start-to-finish/s, FULL, {callers} caller(s), in turn: empty {measured[0].Median:N0} (rounds {Rates(measured[0].Rates)}), " +
                $"with history {measured[1].Median:N0} (rounds {Rates(measured[1].Rates)}); ceiling {Rates(measured[0].CeilingRates)}; " +
                $"history/empty {measured[1].RatioTo(measured[0]):P0}");
        }

        report.ResumeWithHistory = await ResumeLatency.MeasureAsync(history, scale);
        Log($"Resume latency, FULL with history: p50 {report.ResumeWithHistory.P50:0.00} ms, p99 {report.ResumeWithHistory.P99:0.00} ms");
    }

    /// <summary>Where a start and a resume spend their time, step by step (<c>--breakdown</c>).</summary>
    private static async Task BreakDownAsync(BenchFolder folder, Scale scale)
    {
        var contention = new List<string>();
        foreach (var synchronous in Synchronous)
        {
            await using (var rowSource = await OpenAsync(folder.File($"row-{synchronous}.db"), synchronous))
            {
                contention.Add(await WriterContention.MeasureAsync(folder, synchronous, await rowSource.QualifyLeadAsync(), scale.CeilingRound * 2));
            }

            await using var host = await OpenAsync(folder.File($"breakdown-{synchronous}.db"), synchronous);
            await new Breakdown(host, scale.WarmUpOperations).RunAsync();
            Console.WriteLine($"synchronous={synchronous}:");
            Console.WriteLine(await new Breakdown(host, scale.OperationsPerRound).RunAsync());
        }

        Console.WriteLine("| synchronous | Writers | How they take turns | Instance rows committed/s |");
        Console.WriteLine("|---|---:|---|---:|");
        Console.WriteLine(string.Join(Environment.NewLine, contention));
    }

    private static async Task<DurableHost> OpenAsync(string databaseFile, string synchronous, bool runScheduler = false)
    {
        var host = new DurableHost(databaseFile, synchronous, runScheduler);
        await host.InitializeAsync();
        return host;
    }

    /// <summary>Durable lead qualifications per second with one and with two concurrent callers.</summary>
    private static async Task<Dictionary<int, Measurement>> MeasureStartsAsync(DurableHost host, Scale scale, string what, RawCommitProbe ceiling)
    {
        var byCallers = new Dictionary<int, Measurement>();
        foreach (var callers in new[] { 1, 2 })
        {
            var measured = byCallers[callers] = await Throughput.MeasureAsync(host.QualifyLeadAsync, callers, scale, ceiling);
            Log($"Durable start-to-finish/s, {what}, {callers} caller(s): {measured.Median:N0} (rounds {Rates(measured.Rates)}; " +
                $"ceiling {Rates(measured.CeilingRates)}; ratio {measured.CeilingRatio:P0})");
        }

        return byCallers;
    }

    private static string Rates(IEnumerable<double> rates) => string.Join(", ", rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)));

    private static void Log(string line) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");
}
