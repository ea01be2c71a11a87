using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Pipelines;

namespace SfaFlow.Sales.Demo;

internal sealed partial class DemoOrganization
{
    // The longest a deal's history may span, so that every deal fits in the twelve months before today.
    private const int MaxHistoryDays = 320;

    /// <summary>
    /// Plays a deal's life through its pipeline: which stages it enters (in order, sometimes skipping one or stepping back
    /// one), how long it stays in each, where it ends (a quarter won, a fifth lost, the rest still open), and when its
    /// expected close date slips. Fills the deal's maintained fields from that history, as the stage service would.
    /// </summary>
    private List<StageChange> PlayHistory(Opportunity deal, Pipeline pipeline)
    {
        var open = pipeline.Stages.Where(s => !s.IsWon && !s.IsLost).ToList();
        var draw = _random.Double();
        var status = draw < 0.25 ? OpportunityStatus.Won : draw < 0.45 ? OpportunityStatus.Lost : OpportunityStatus.Open;
        // Deals thin out towards the later stages, where they are lost less often too: a funnel.
        var funnel = open.Select((_, i) => (float)(open.Count - i + 1)).ToArray();
        var last = status == OpportunityStatus.Won ? open.Count - 1 : Pick([.. Enumerable.Range(0, open.Count)], funnel);
        var route = Route(pipeline, open, last);
        if (status != OpportunityStatus.Open)
        {
            route.Add((pipeline.Stages.Single(s => status == OpportunityStatus.Won ? s.IsWon : s.IsLost), null));
        }

        var days = Days(route, status);
        var history = Changes(deal, pipeline, route, days);
        Maintain(deal, route, history, status);
        return history;
    }

    /// <summary>The stages a deal enters, from the first open stage to the one at index <paramref name="last"/>.</summary>
    private List<(Stage Stage, string? OverrideReason)> Route(Pipeline pipeline, List<Stage> open, int last)
    {
        var route = new List<(Stage, string?)> { (open[0], null) };
        var wentBack = false;
        for (var at = 0; at < last;)
        {
            // A skip or a step back that the pipeline does not allow is an override, which a manager makes with a reason.
            var next = at + 1 < last && _random.Bool(0.12f) ? at + 2 : at + 1;
            route.Add((open[next], next > at + 1 && !pipeline.AllowSkippingStages ? Pick(DemoText.SkipReasons) : null));
            at = next;
            if (!wentBack && at > 0 && _random.Bool(pipeline.AllowMovingBackwards ? 0.08f : 0.03f))
            {
                route.Add((open[at - 1], pipeline.AllowMovingBackwards ? null : Pick(DemoText.BackReasons)));
                route.Add((open[at], null));
                wentBack = true;
            }
        }

        return route;
    }

    /// <summary>
    /// The day of each change. Stays last whole days (at least one), so changes fall on distinct days and their moments are
    /// strictly ordered; the history is placed to end before today (closed deals) or to reach today (open deals).
    /// </summary>
    private List<DateOnly> Days(List<(Stage Stage, string? OverrideReason)> route, OpportunityStatus status)
    {
        var stays = status == OpportunityStatus.Open ? route.Count : route.Count - 1;
        var dwell = new List<int>();
        for (var i = 0; i < stays; i++)
        {
            var typical = _typicalDays[route[i].Stage.Id];
            var factor = i == stays - 1 ? status switch
            {
                OpportunityStatus.Open => Spread(0.8), // so far: some deals sit past their stall threshold
                OpportunityStatus.Lost => 1.5 * Spread(0.55), // lost deals tend to linger first
                _ => Spread(0.55),
            } : Spread(0.55);
            dwell.Add(Math.Max(1, (int)Math.Round(typical * factor)));
        }

        var total = dwell.Sum();
        if (total > MaxHistoryDays)
        {
            dwell = [.. dwell.Select(d => Math.Max(1, d * MaxHistoryDays / total))];
            total = dwell.Sum();
        }

        // Closed deals end anywhere in the year, so the earliest histories begin twelve months ago.
        var end = status == OpportunityStatus.Open ? Today : Today.AddDays(-1 - _random.Number(0, Math.Max(0, 364 - total)));
        var day = DemoCalendar.Workday(end.AddDays(-total));
        var days = new List<DateOnly>();
        for (var i = 0; i < route.Count; i++)
        {
            days.Add(day);
            if (i < dwell.Count)
            {
                day = DemoCalendar.Workday(day.AddDays(dwell[i]));
            }
        }

        // Weekends push days later; whole weeks back keep every change on a weekday and the last one before today.
        var excess = days[^1].DayNumber - Today.AddDays(-1).DayNumber;
        return excess > 0 ? [.. days.Select(d => d.AddDays(-7 * ((excess + 6) / 7)))] : days;
    }

    private List<StageChange> Changes(Opportunity deal, Pipeline pipeline, List<(Stage Stage, string? OverrideReason)> route, List<DateOnly> days)
    {
        var owner = Users.Single(u => u.Id == deal.OwnerId);
        var cycle = route.Where(r => !r.Stage.IsWon && !r.Stage.IsLost).Sum(r => _typicalDays[r.Stage.Id]);
        var closeDate = days[0].AddDays(7 + (int)Math.Round(cycle * Spread(0.3)));
        var history = new List<StageChange>();
        for (var i = 0; i < route.Count; i++)
        {
            var (stage, overrideReason) = route[i];
            var day = days[i];
            if (stage.IsWon || stage.IsLost)
            {
                // Closing sets the close date to the day it closed; later than expected counts as a push.
                deal.CloseDatePushCount += day > closeDate ? 1 : 0;
                closeDate = day;
            }
            else if (closeDate < day.AddDays(7) || (i > 0 && _random.Bool(0.06f)))
            {
                closeDate = (closeDate < day.AddDays(7) ? day : closeDate).AddDays(_random.Number(14, 45));
                deal.CloseDatePushCount++;
            }

            history.Add(new StageChange
            {
                PipelineId = pipeline.Id,
                FromStageId = i == 0 ? null : route[i - 1].Stage.Id,
                ToStageId = stage.Id,
                At = _calendar.During(day),
                ByUserId = overrideReason is null ? owner.Id : owner.ManagerId,
                Amount = deal.Amount,
                Probability = stage.DefaultProbability,
                ExpectedCloseDate = closeDate,
                OverrideReason = overrideReason,
            });
        }

        deal.ExpectedCloseDate = closeDate;
        return history;
    }
}
