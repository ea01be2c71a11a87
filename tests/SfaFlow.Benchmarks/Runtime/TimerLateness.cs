using System.Globalization;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Scheduling;

namespace SfaFlow.Benchmarks.Runtime;

/// <summary>
/// How late the hosted scheduler fires timers, on the real clock with its default poll interval: instances suspended on
/// <c>Elsa.StartAt</c> at known moments, either spread evenly over a window (steady load) or all due at once (a burst).
/// A timer's lateness is the time its StartAt activity completed minus its due time.
/// </summary>
internal static class TimerLateness
{
    public static async Task<Latency> MeasureAsync(DurableHost host, int count, TimeSpan spread)
    {
        ArgumentNullException.ThrowIfNull(host);

        // The first timer falls due once every instance has started (well under 1 ms each).
        var firstDue = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2 + count / 1_000.0);
        var dueById = new Dictionary<string, DateTimeOffset>();
        for (var i = 0; i < count; i++)
        {
            var dueAt = firstDue + spread * i / count;
            var instance = await host.Runtime.StartAsync(TimerWorkflow.DefinitionId, new StartRequest
            {
                Input = new Dictionary<string, object?> { ["dueAt"] = dueAt.ToString("O", CultureInfo.InvariantCulture) },
            });
            dueById[instance.Id] = instance.SubStatus == WorkflowSubStatus.Suspended
                ? dueAt
                : throw new InvalidOperationException($"A timer instance did not suspend: it ended {instance.SubStatus}; start the measurement sooner.");
        }

        var scheduler = host.Get<WorkflowScheduler>();
        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            return new Latency([.. await LatenessAsync(host, dueById, firstDue + spread + TimeSpan.FromSeconds(60))]);
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Milliseconds late, per instance, once all have finished.</summary>
    private static async Task<List<double>> LatenessAsync(DurableHost host, Dictionary<string, DateTimeOffset> dueById, DateTimeOffset giveUpAt)
    {
        var lateness = new List<double>();
        var waiting = new Queue<string>(dueById.Keys);
        while (waiting.TryPeek(out var id))
        {
            var stored = await host.Runtime.FindInstanceAsync(id) ?? throw new InvalidOperationException($"Instance {id} is gone.");
            if (stored.Instance.SubStatus == WorkflowSubStatus.Finished)
            {
                var fired = stored.Instance.Journal.Single(e => e.ActivityId == TimerWorkflow.TimerActivityId).CompletedAt!.Value;
                lateness.Add((fired - dueById[id]).TotalMilliseconds);
                waiting.Dequeue();
            }
            else if (DateTimeOffset.UtcNow > giveUpAt)
            {
                throw new TimeoutException($"{waiting.Count} timers had not fired a minute after the last was due.");
            }
            else
            {
                await Task.Delay(100);
            }
        }

        return lateness;
    }
}
