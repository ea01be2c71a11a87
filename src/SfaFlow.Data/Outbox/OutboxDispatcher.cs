using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SfaFlow.Workflows.Runtime;

namespace SfaFlow.Data.Outbox;

/// <summary>
/// Hands committed domain events to the workflow runtime: it claims undispatched messages in occurrence order,
/// dispatches each with its event id and causes, and marks it dispatched. Delivery is at least once (a crash between
/// dispatching and marking dispatches again); the runtime makes the effect once (derived instance ids for starts,
/// receipts for resumes). A commit in this process wakes it at once; otherwise it polls. Failures are retried with
/// backoff, recorded on the message, logged, and never hold up the messages after them. Besides the named event, each
/// message goes to the <see cref="IEventRoute"/>s, whose stimuli (a completed task's workflow, say) are dispatched with
/// derived event ids, and once the runtime has taken it, to the <see cref="ICommittedEventObserver"/>s (plugin listeners
/// queue it there).
/// </summary>
/// <remarks>
/// Messages run in lanes, one per record (correlation id), up to <see cref="RuntimeOptions.MaxConcurrentRuns"/> lanes at
/// once: a record's events stay in order, and one slow or runaway instance holds up its own lane only, while the
/// dispatcher goes on claiming and dispatching the others.
/// </remarks>
internal sealed partial class OutboxDispatcher(
    OutboxStore store,
    WorkflowRuntime runtime,
    IEnumerable<IEventRoute> routes,
    IEnumerable<ICommittedEventObserver> observers,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    IOptions<RuntimeOptions> runtimeOptions,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private readonly OutboxOptions _options = options.Value;

    private readonly RetrySchedule _retries = new(options.Value.RetryDelay, options.Value.MaxRetryDelay, options.Value.MaxAttempts);

    private readonly int _maxAbandoned = runtimeOptions.Value.MaxRunAttempts;

    private readonly SemaphoreSlim _lanes = new(runtimeOptions.Value.MaxConcurrentRuns);

    private readonly int _concurrency = runtimeOptions.Value.MaxConcurrentRuns;

    private readonly IReadOnlyList<IEventRoute> _routes = [.. routes];

    private readonly IReadOnlyList<ICommittedEventObserver> _observers = [.. observers];

    /// <summary>This dispatcher's name on claims: the runtime's, so that logs and claims name the same process.</summary>
    public string Owner => runtime.Owner;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.RunDispatcher)
        {
            return;
        }

        var prunedAt = DateTimeOffset.MinValue;
        var running = new List<Task<LanePass>>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Taken before claiming: a commit during the claim signals again, and another claim follows at once.
                signal.Reset();
                running.RemoveAll(lane => lane.IsCompleted);
                var claimed = 0;
                if (running.Count < _concurrency)
                {
                    var lanes = await SafelyAsync(() => ClaimLanesAsync(stoppingToken), "claiming", []);
                    // On the thread pool: a burst runs synchronously until it waits on something (SQLite's async calls do
                    // not yield), and a runaway one would otherwise hold this loop, which must go on claiming.
                    running.AddRange(lanes.Select(lane => Task.Run(() => RunLaneAsync(lane, stoppingToken), CancellationToken.None)));
                    claimed = lanes.Sum(lane => lane.Count);
                }

                if (clock.GetUtcNow() - prunedAt >= PruneInterval)
                {
                    await SafelyAsync(() => PruneAsync(stoppingToken), "pruning", 0);
                    prunedAt = clock.GetUtcNow();
                }

                // A full batch with lanes to spare means there may be more waiting: claim again without sleeping.
                if (claimed < _options.BatchSize || running.Count >= _concurrency)
                {
                    await WaitAsync(running, stoppingToken);
                }
            }
        }
        finally
        {
            // Lanes hand back what they did not get to when stopping; let them finish doing so.
            await Task.WhenAll(running.Select(lane => (Task)lane).Select(lane => lane.ContinueWith(_ => { }, TaskScheduler.Default)));
        }
    }

    /// <summary>Deletes messages dispatched longer ago than the retention.</summary>
    /// <returns>How many were deleted.</returns>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        var pruned = await store.PruneAsync(clock.GetUtcNow() - _options.Retention, cancellationToken);
        if (pruned > 0)
        {
            logger.LogInformation("Pruned {Count} outbox message(s) dispatched more than {Retention} ago.", pruned, _options.Retention);
        }

        return pruned;
    }

    public override void Dispose()
    {
        _lanes.Dispose();
        base.Dispose();
    }

    /// <summary>Until a commit signals, the poll interval passes, or a lane finishes (freeing room to claim).</summary>
    private async Task WaitAsync(List<Task<LanePass>> running, CancellationToken stoppingToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        Task[] waits = [Task.Delay(_options.PollInterval, clock, wake.Token), signal.WaitAsync(wake.Token), .. running];
        await Task.WhenAny(waits);
        await wake.CancelAsync();
    }

    private async Task<T> SafelyAsync<T>(Func<Task<T>> work, string what, T fallback)
    {
        try
        {
            return await work();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The dispatcher must outlive any one failure (a locked database): log and go on; claims expire by themselves.
            logger.LogError(exception, "Outbox {What} failed; trying again on the next pass.", what);
            return fallback;
        }
    }
}
