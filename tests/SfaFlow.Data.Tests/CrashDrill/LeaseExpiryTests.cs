using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime.Definitions;
using SfaFlow.Workflows.Runtime.Instances;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Data.Tests.CrashDrill;

/// <summary>
/// Found by the crash drill under load (a start that took longer than the drill's 2 s lease crashed the drill with "Lost
/// the lease on instance ... while running it"): a start that commits per activity must keep its lease alive and hold
/// the in-process instance lock, so that recovery in the same process does not continue the instance while the start
/// still runs it (the activity would run twice at once, and the start would fail although its instance finished).
/// </summary>
public sealed class LeaseExpiryTests
{
    [Fact]
    public async Task StartCommittingPerActivity_OutlivesItsLease_IsNotRecoveredWhileItRuns()
    {
        var file = NewDatabaseFile();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        using var sink = new StallingSink(clock, stallAt: "slow", stallFor: TimeSpan.FromSeconds(3));
        try
        {
            await using var provider = await StartRuntimeAsync(file, clock, sink);
            var runtime = provider.GetRequiredService<WorkflowRuntime>();

            // The start commits after 'first', then spends 3 s (of the clock) in 'slow': longer than its 2 s lease.
            var start = Task.Run(() => runtime.StartAsync("test", new StartRequest()));
            await sink.Stalled.Task.WaitAsync(TimeSpan.FromSeconds(120));
            var recovered = await runtime.RecoverAsync();
            sink.Resume();
            var outcome = await Record.ExceptionAsync(() => start);

            // Before the fix: the start failed with "Lost the lease", recovery reported 1, and 'slow' ran twice.
            Assert.True(outcome is null && recovered == 0 && sink.Lines.SequenceEqual(["first", "slow", "after"]),
                $"start: {outcome?.Message ?? "finished"}; recovered while running: {recovered}; lines: {string.Join(", ", sink.Lines)}");
        }
        finally
        {
            DeleteDatabase(file);
        }
    }

    [Fact]
    public async Task RunOutlivingItsLease_KeepsItRenewed_SoAnotherRuntimeDoesNotRecoverIt()
    {
        var file = NewDatabaseFile();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        using var sink = new StallingSink(clock, stallAt: "slow", stallFor: TimeSpan.FromSeconds(3));
        try
        {
            await using var running = await StartRuntimeAsync(file, clock, sink);
            await using var other = await StartRuntimeAsync(file, clock, new StallingSink(clock, stallAt: "-", stallFor: TimeSpan.Zero));
            var start = Task.Run(() => running.GetRequiredService<WorkflowRuntime>().StartAsync("test", new StartRequest()));
            await sink.Stalled.Task.WaitAsync(TimeSpan.FromSeconds(120));

            // The clock moved 3 s past a 2 s lease; the running runtime's renewal (a third of the lease) moves it on again.
            var store = running.GetRequiredService<IWorkflowInstanceStore>();
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while ((await store.FindAbandonedAsync(clock.GetUtcNow(), 10)).Count > 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            var recoveredElsewhere = await other.GetRequiredService<WorkflowRuntime>().RecoverAsync();
            sink.Resume();
            var instance = await start;

            Assert.Equal(0, recoveredElsewhere);
            Assert.Equal(WorkflowStatus.Finished, instance.Status);
            Assert.Equal(["first", "slow", "after"], sink.Lines);
        }
        finally
        {
            DeleteDatabase(file);
        }
    }

    private static string NewDatabaseFile() => Path.Combine(Path.GetTempPath(), "sfaflow-tests", $"{Guid.NewGuid():N}.db");

    /// <summary>A runtime committing per activity with a 2 s lease, the test workflow published ('first', 'slow', 'after').</summary>
    private static async Task<ServiceProvider> StartRuntimeAsync(string file, FakeTimeProvider clock, ITextSink sink)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(sink);
        services.AddSfaFlowData();
        services.AddSfaFlowRuntime();
        services.Configure<DataOptions>(o => o.ConnectionString = $"Data Source={file};Pooling=False");
        services.Configure<RuntimeOptions>(o =>
        {
            o.RunScheduler = false;
            o.CommitStrategy = CommitStrategy.PerActivity;
            o.LeaseDuration = TimeSpan.FromSeconds(2);
        });
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var definition = ElsaJsonReader.Read(Json([WriteLine("first", "first"), WriteLine("slow", "slow"), WriteLine("after", "after")],
            [Connect("first", "slow"), Connect("slow", "after")])).GetDefinitionOrThrow();
        await provider.GetRequiredService<WorkflowDefinitionManager>().ImportAsync(definition, publish: true);
        return provider;
    }

    private static void DeleteDatabase(string file)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
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
