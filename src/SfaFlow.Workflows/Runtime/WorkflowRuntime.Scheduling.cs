using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using SfaFlow.Workflows.Runtime.Instances;
using SfaFlow.Workflows.Runtime.Triggers;

namespace SfaFlow.Workflows.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Fires the timer bookmarks that are due (Delay, Timer, StartAt, Cron in normal flow), up to
    /// <see cref="RuntimeOptions.MaxConcurrentRuns"/> instances at once: one slow instance does not hold up the others' timers.
    /// </summary>
    /// <returns>How many instances were resumed.</returns>
    public async Task<int> FireDueTimersAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var due = await instances.ClaimDueBookmarksAsync(now, new Lease(Owner, now + _options.LeaseDuration), _options.TimerBatchSize, cancellationToken);
        var fired = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentRuns, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(due.GroupBy(bookmark => bookmark.InstanceId, StringComparer.Ordinal), parallel, async (timers, token) =>
        {
            foreach (var bookmark in timers)
            {
                try
                {
                    if ((await ResumeAsync(bookmark.Id, payload: null, token)).Status == ResumeStatus.Resumed)
                    {
                        Interlocked.Increment(ref fired);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // One broken instance must not stop the others' timers; its claim expires and the timer is tried again.
                    logger.LogError(exception, "Firing timer {BookmarkId} of instance {InstanceId} failed.", bookmark.Id, bookmark.InstanceId);
                }
            }
        });

        return fired;
    }

    /// <summary>
    /// Starts one instance for each occurrence of a scheduled trigger in (<paramref name="from"/>, <paramref name="to"/>].
    /// Each occurrence is claimed in the database first, so it starts exactly one instance however many runtimes see it.
    /// </summary>
    public async Task<int> FireTriggerOccurrencesAsync(WorkflowTrigger trigger, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var started = 0;
        foreach (var at in Occurrences(trigger, from, to))
        {
            var occurrence = new TriggerOccurrence(trigger.ScheduleKey, at, OccurrenceInstanceId(trigger.ScheduleKey, at));
            if (await instances.TryClaimOccurrenceAsync(occurrence, NewLease(), cancellationToken) &&
                await FireOccurrenceAsync(occurrence, trigger, cancellationToken))
            {
                started++;
            }
        }

        return started;
    }

    private async Task<bool> FireOccurrenceAsync(TriggerOccurrence occurrence, CancellationToken cancellationToken)
    {
        var trigger = (await definitions.ListScheduledTriggersAsync(cancellationToken)).FirstOrDefault(t => t.ScheduleKey == occurrence.ScheduleKey);
        return trigger is not null && await instances.TryClaimOccurrenceAsync(occurrence, NewLease(), cancellationToken) &&
               await FireOccurrenceAsync(occurrence, trigger, cancellationToken);
    }

    private async Task<bool> FireOccurrenceAsync(TriggerOccurrence occurrence, WorkflowTrigger trigger, CancellationToken cancellationToken)
    {
        try
        {
            var definition = await _cache.GetAsync(trigger.DefinitionVersionId, cancellationToken);
            if (engine.FanOutOf(definition, trigger.ActivityId) is { } fanOut)
            {
                await FanOutAsync(occurrence, trigger, fanOut.FanOut, fanOut.Settings, fanOut.Services, cancellationToken);
                return true;
            }

            var stimulus = new Stimulus(trigger.ScheduleKey, CorrelationId: null, OccurrencePayload(trigger, occurrence.ScheduledAt), EventDelivery.None);
            await StartFromTriggerAsync(trigger, stimulus, occurrence, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Starting {ScheduleKey} for {ScheduledAt:O} failed; it is tried again when its claim expires.", trigger.ScheduleKey, occurrence.ScheduledAt);
            return false;
        }
    }

    /// <summary>
    /// One instance per item of the occurrence, each started with an event id of its own (occurrence and item), so that
    /// firing the occurrence again (a runtime died midway and its claim expired) starts only the items not started yet;
    /// then the occurrence is marked started.
    /// </summary>
    private async Task FanOutAsync(TriggerOccurrence occurrence, WorkflowTrigger trigger, IScheduledFanOut fanOut,
        IReadOnlyDictionary<string, object?> settings, IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var item in await fanOut.ExpandAsync(settings, occurrence.ScheduledAt, services, cancellationToken))
        {
            var stimulus = new Stimulus(trigger.ScheduleKey, item.CorrelationId, item.Payload, EventDelivery.Once($"{occurrence.InstanceId}/{item.CorrelationId}"));
            await StartFromTriggerAsync(trigger, stimulus, occurrence: null, cancellationToken);
        }

        await instances.MarkOccurrenceStartedAsync(occurrence, cancellationToken);
    }

    /// <summary>The occurrences of a scheduled trigger in (from, to], in time order.</summary>
    internal static IEnumerable<DateTimeOffset> Occurrences(WorkflowTrigger trigger, DateTimeOffset from, DateTimeOffset to)
    {
        // Nothing fires for moments before the trigger was published.
        if (from < trigger.AnchorAt)
        {
            from = trigger.AnchorAt;
        }

        if (trigger.CronExpression is { } cron && Activities.Scheduling.Cron.TryParse(cron, out _) is { } schedule)
        {
            // Hours in the trigger's time zone (08:00 in Berlin is 07:00 or 06:00 UTC by the season); an unknown zone was refused at publication.
            var zone = trigger.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
            return schedule.GetOccurrences(from, to, zone, fromInclusive: false, toInclusive: true);
        }

        if (trigger.Interval is { Ticks: > 0 } interval)
        {
            // Anchored at publication (Elsa drifts by computing each firing from the previous one): every runtime computes
            // the same moments, so each can be claimed exactly once.
            var first = (from - trigger.AnchorAt).Ticks / interval.Ticks + 1;
            return Enumerable.Range(0, int.MaxValue)
                .Select(i => trigger.AnchorAt + TimeSpan.FromTicks(interval.Ticks * (first + i)))
                .TakeWhile(at => at <= to);
        }

        return trigger.StartAt is { } moment && moment > from && moment <= to ? [moment] : [];
    }

    /// <summary>What a scheduled trigger hands its new instance, as Elsa does.</summary>
    private static Dictionary<string, object?> OccurrencePayload(WorkflowTrigger trigger, DateTimeOffset at) => trigger switch
    {
        { CronExpression: { } cron } => new() { ["CronExpression"] = cron, ["ScheduledAt"] = at },
        { Interval: { } interval } => new() { ["StartAt"] = at, ["Interval"] = interval },
        _ => new() { ["ExecuteAt"] = at },
    };

    /// <summary>The same occurrence always gets the same instance id: a retried start cannot create a second instance.</summary>
    private static string OccurrenceInstanceId(string scheduleKey, DateTimeOffset at) => DerivedInstanceId($"{scheduleKey}@{at.UtcTicks}");

    /// <summary>An instance id that is a function of what started the instance (GUID-shaped, like generated ones).</summary>
    private static string DerivedInstanceId(string origin)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(origin));
        return new Guid(hash.AsSpan(0, 16)).ToString("N");
    }
}
