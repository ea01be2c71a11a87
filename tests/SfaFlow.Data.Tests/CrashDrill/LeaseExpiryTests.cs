using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Definitions;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Data.Tests.CrashDrill;

/// <summary>
/// Found by the crash drill under load (a start that took longer than the drill's 2 s lease crashed the drill with "Lost
/// the lease on instance ... while running it"): a start that commits per activity holds the instance's lease but not
/// the in-process instance lock, and never renews the lease. Once the lease expires, recovery in the same process
/// continues the instance from its last checkpoint while the start is still running it: the activity runs twice at
/// once, and the start then fails although its instance finished.
/// </summary>
public sealed class LeaseExpiryTests
{
    [Fact(Skip = "Runtime bug found by the crash drill (see the class comment); fails today. Remove the skip with the fix in src/.")]
    public async Task StartCommittingPerActivity_OutlivesItsLease_IsNotRecoveredWhileItRuns()
    {
        var file = Path.Combine(Path.GetTempPath(), "sfaflow-tests", $"{Guid.NewGuid():N}.db");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        using var sink = new StallingSink(clock, stallAt: "slow", stallFor: TimeSpan.FromSeconds(3));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<ITextSink>(sink);
        services.AddSfaFlowData();
        services.AddSfaFlowRuntime();
        services.Configure<DataOptions>(o => o.ConnectionString = $"Data Source={file};Pooling=False");
        services.Configure<RuntimeOptions>(o =>
        {
            o.RunScheduler = false;
            o.CommitStrategy = CommitStrategy.PerActivity;
            o.LeaseDuration = TimeSpan.FromSeconds(2);
        });
        try
        {
            await using var provider = services.BuildServiceProvider();
            await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            var definition = ElsaJsonReader.Read(Json([WriteLine("first", "first"), WriteLine("slow", "slow"), WriteLine("after", "after")],
                [Connect("first", "slow"), Connect("slow", "after")])).GetDefinitionOrThrow();
            await provider.GetRequiredService<WorkflowDefinitionManager>().ImportAsync(definition, publish: true);
            var runtime = provider.GetRequiredService<WorkflowRuntime>();

            // The start commits after 'first', then spends 3 s (of the clock) in 'slow': longer than its 2 s lease.
            var start = Task.Run(() => runtime.StartAsync("test", new StartRequest()));
            await sink.Stalled.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var recovered = await runtime.RecoverAsync();
            sink.Resume();
            var outcome = await Record.ExceptionAsync(() => start);

            // Today: the start fails with "Lost the lease", recovery reports 1, and 'slow' ran twice (once concurrently).
            Assert.True(outcome is null && recovered == 0 && sink.Lines.SequenceEqual(["first", "slow", "after"]),
                $"start: {outcome?.Message ?? "finished"}; recovered while running: {recovered}; lines: {string.Join(", ", sink.Lines)}");
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }

    /// <summary>Records lines; the first time it writes <c>stallAt</c>, it moves the clock on and waits to be resumed.</summary>
    private sealed class StallingSink(FakeTimeProvider clock, string stallAt, TimeSpan stallFor) : ITextSink, IDisposable
    {
        private readonly List<string> _lines = [];
        private readonly ManualResetEventSlim _resume = new();
        private int _stalled;

        public TaskCompletionSource Stalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

            if (text == stallAt && Interlocked.Exchange(ref _stalled, 1) == 0)
            {
                clock.Advance(stallFor);
                Stalled.SetResult();
                _resume.Wait(TimeSpan.FromSeconds(30));
            }
        }

        public void Resume() => _resume.Set();

        public void Dispose() => _resume.Dispose();
    }
}
