using Microsoft.EntityFrameworkCore;

namespace SfaFlow.Sales.Opportunities;

/// <summary>
/// The maintained time-in-stage facts of a deal: its <see cref="StageVisit"/> rows (one per stay) and its
/// <see cref="StageTime"/> rows (one per stage). Every stage change goes through <see cref="EnterAsync"/>, in the same
/// unit of work as the <see cref="StageChange"/> it records, so the three never disagree.
/// </summary>
internal static class StageTracking
{
    /// <summary>Ends the deal's current visit (if any) and starts one in <paramref name="stageId"/> at <paramref name="now"/>.</summary>
    public static async Task EnterAsync(ISalesDatabase db, long opportunityId, long stageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var times = await db.StageTimes.Where(t => t.OpportunityId == opportunityId).ToDictionaryAsync(t => t.StageId, cancellationToken);
        foreach (var visit in await db.StageVisits.Where(v => v.OpportunityId == opportunityId && v.ExitedAt == null).ToListAsync(cancellationToken))
        {
            var seconds = (long)(now - visit.EnteredAt).TotalSeconds;
            (visit.ExitedAt, visit.DurationSeconds) = (now, seconds);
            if (times.TryGetValue(visit.StageId, out var left))
            {
                Exit(left, now, seconds);
            }
        }

        db.StageVisits.Add(new StageVisit { OpportunityId = opportunityId, StageId = stageId, EnteredAt = now });
        if (!times.TryGetValue(stageId, out var entered))
        {
            entered = new StageTime { OpportunityId = opportunityId, StageId = stageId, FirstEnteredAt = now };
            db.StageTimes.Add(entered);
        }

        Enter(entered, now);
    }

    /// <summary>The stage-time rows that a deal's complete visit list adds up to (the demo seeder writes history this way).</summary>
    public static IEnumerable<StageTime> Summarize(IEnumerable<StageVisit> visits)
    {
        foreach (var stay in visits.GroupBy(v => (v.OpportunityId, v.StageId)))
        {
            var ordered = stay.OrderBy(v => v.EnteredAt).ToList();
            var time = new StageTime { OpportunityId = stay.Key.OpportunityId, StageId = stay.Key.StageId, FirstEnteredAt = ordered[0].EnteredAt };
            foreach (var visit in ordered)
            {
                Enter(time, visit.EnteredAt);
                if (visit.ExitedAt is { } exited)
                {
                    Exit(time, exited, visit.DurationSeconds ?? (long)(exited - visit.EnteredAt).TotalSeconds);
                }
            }

            yield return time;
        }
    }

    private static void Enter(StageTime time, DateTimeOffset at)
    {
        time.Visits++;
        time.LastEnteredAt = at;
        time.InStage = true;
    }

    private static void Exit(StageTime time, DateTimeOffset at, long seconds)
    {
        time.InStage = false;
        time.LastExitedAt = at;
        time.CumulativeSeconds += seconds;
        time.LatestSeconds = seconds;
    }
}
