using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SfaFlow.Workflows.Runtime;

namespace SfaFlow.Data.Outbox;

/// <summary>
/// Hands committed domain events to the workflow runtime: it claims undispatched messages in occurrence order,
/// dispatches each with its event id and marks it dispatched. Delivery is at least once (a crash between dispatching and
/// marking dispatches again); the runtime makes the effect once (derived instance ids for starts, receipts for
/// resumes). A commit in this process wakes it at once; otherwise it polls. Failures are retried with backoff, recorded
/// on the message, logged, and never hold up the messages after them. Besides the named event, each message goes to the
/// <see cref="IEventRoute"/>s, whose stimuli (a completed task's workflow, say) are dispatched with derived event ids, and once
/// the runtime has taken it, to the <see cref="ICommittedEventObserver"/>s (plugin listeners queue it there).
/// </summary>
internal sealed partial class OutboxDispatcher(
    OutboxStore store,
    WorkflowRuntime runtime,
    IEnumerable<IEventRoute> routes,
    IEnumerable<ICommittedEventObserver> observers,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private readonly OutboxOptions _options = options.Value;

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
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before the pass: a commit during the pass signals again, and another pass follows at once.
            signal.Reset();
            var pass = await SafelyAsync(() => DispatchPendingAsync(stoppingToken), "dispatching", new DispatchPass(0, 0));
            if (clock.GetUtcNow() - prunedAt >= PruneInterval)
            {
                await SafelyAsync(() => PruneAsync(stoppingToken), "pruning", 0);
                prunedAt = clock.GetUtcNow();
            }

            // A full batch means there may be more waiting: go on without sleeping.
            if (pass.Claimed < _options.BatchSize)
            {
                await WaitAsync(stoppingToken);
            }
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

    /// <summary>Until a commit signals or the poll interval passes.</summary>
    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var poll = Task.Delay(_options.PollInterval, clock, wake.Token);
        var signalled = signal.WaitAsync(wake.Token);
        await Task.WhenAny(poll, signalled);
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
