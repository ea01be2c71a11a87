using System.Diagnostics;

namespace SfaFlow.Benchmarks.Runtime;

/// <summary>
/// Operations per second with a number of concurrent callers, after a warm-up, over several timed rounds, each right
/// after a round of the raw commit ceiling on the same disk. Several operations are measured round by round in turn, so
/// that they see the same disk.
/// </summary>
internal static class Throughput
{
    public static async Task<Measurement> MeasureAsync(Func<Task> operation, int callers, Scale scale, RawCommitProbe ceiling, int? rounds = null) =>
        (await MeasureInTurnAsync([operation], callers, scale, ceiling, rounds))[0];

    public static async Task<Measurement[]> MeasureInTurnAsync(IReadOnlyList<Func<Task>> operations, int callers, Scale scale, RawCommitProbe ceiling, int? rounds = null)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(ceiling);
        foreach (var operation in operations)
        {
            await RunAsync(operation, callers, scale.WarmUpOperations);
        }

        var rates = operations.Select(_ => new List<double>()).ToArray();
        var ceilings = new List<double>();
        for (var round = 0; round < (rounds ?? scale.Rounds); round++)
        {
            ceilings.Add(ceiling.Round(scale.CeilingRound));
            for (var i = 0; i < operations.Count; i++)
            {
                var clock = Stopwatch.StartNew();
                await RunAsync(operations[i], callers, scale.OperationsPerRound);
                rates[i].Add(scale.OperationsPerRound / clock.Elapsed.TotalSeconds);
            }
        }

        return [.. rates.Select(r => new Measurement(r, ceilings))];
    }

    private static async Task RunAsync(Func<Task> operation, int callers, int operations)
    {
        var remaining = operations;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                await operation();
            }
        })));
    }
}
