namespace SfaFlow.Benchmarks.Runtime;

/// <summary>How much the harness does: the full run (about 10 minutes) or a quick smoke run of the same steps.</summary>
internal sealed record Scale(
    int Rounds,
    TimeSpan CeilingRound,
    int WarmUpOperations,
    int OperationsPerRound,
    int ResumeSamples,
    int SuspendedHistory,
    int FinishedHistory,
    int SteadyTimers,
    TimeSpan SteadyTimerSpread,
    int BurstTimers)
{
    public static Scale Full { get; } = new(3, TimeSpan.FromSeconds(2), 500, 2_000, 5_000, 100_000, 1_000_000, 3_000, TimeSpan.FromSeconds(30), 1_000);

    public static Scale Quick { get; } = new(2, TimeSpan.FromSeconds(0.5), 100, 300, 500, 2_000, 20_000, 200, TimeSpan.FromSeconds(2), 100);
}
