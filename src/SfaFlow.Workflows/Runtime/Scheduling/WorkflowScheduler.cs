using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SfaFlow.Workflows.Runtime.Definitions;

namespace SfaFlow.Workflows.Runtime.Scheduling;

/// <summary>
/// The hosted scheduler: on start it recovers what a crash left behind, then every poll interval it fires due timers and
/// the occurrences of cron, interval and start-at triggers. Several runtimes can share a database: the store's claims
/// make each timer and each occurrence fire once.
/// </summary>
public sealed class WorkflowScheduler(
    WorkflowRuntime runtime,
    IWorkflowDefinitionStore definitions,
    IOptions<RuntimeOptions> options,
    TimeProvider clock,
    ILogger<WorkflowScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan RecoveryInterval = TimeSpan.FromSeconds(5);

    private readonly RuntimeOptions _options = options.Value;

    // How far each trigger's occurrences have been looked at by this runtime.
    private readonly Dictionary<string, DateTimeOffset> _scannedUntil = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.RunScheduler)
        {
            return;
        }

        await SafelyAsync(() => runtime.RecoverAsync(stoppingToken), "recovery");
        var lastRecovery = clock.GetUtcNow();
        using var timer = new PeriodicTimer(_options.PollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await SafelyAsync(() => TickAsync(stoppingToken), "scheduling");
            if (clock.GetUtcNow() - lastRecovery >= RecoveryInterval)
            {
                await SafelyAsync(() => runtime.RecoverAsync(stoppingToken), "recovery");
                lastRecovery = clock.GetUtcNow();
            }
        }
    }

    /// <summary>One pass: due timers, then trigger occurrences up to now.</summary>
    /// <returns>How many instances were resumed or started.</returns>
    public async Task<int> TickAsync(CancellationToken cancellationToken = default)
    {
        var fired = await runtime.FireDueTimersAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var trigger in await definitions.ListScheduledTriggersAsync(cancellationToken))
        {
            var from = _scannedUntil.GetValueOrDefault(trigger.ScheduleKey, now - _options.MissedOccurrenceWindow);
            fired += await runtime.FireTriggerOccurrencesAsync(trigger, from, now, cancellationToken);
            _scannedUntil[trigger.ScheduleKey] = now;
        }

        return fired;
    }

    private async Task SafelyAsync(Func<Task> work, string what)
    {
        try
        {
            await work();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The scheduler must outlive any one failure (a locked database, a broken definition): log and go on.
            logger.LogError(exception, "Workflow {What} failed; trying again on the next pass.", what);
        }
    }
}
