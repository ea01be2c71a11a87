using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Organization;

namespace SfaFlow.Data.Tests.Demo;

[Collection(DemoDatabase.Name)]
public sealed class DemoHistoryTests(SeededDemo demo)
{
    [Fact]
    public void StageChanges_PerOpportunity_AreInTimeOrderAndChained()
    {
        var stages = demo.Stages;
        var changes = demo.StageChanges.ToLookup(c => c.OpportunityId);
        Assert.All(demo.Opportunities, deal =>
        {
            var history = changes[deal.Id].OrderBy(c => c.Id).ToList();
            Assert.NotEmpty(history);
            Assert.Null(history[0].FromStageId);
            Assert.Equal(1, stages[history[0].ToStageId].Order);
            for (var i = 1; i < history.Count; i++)
            {
                Assert.True(history[i].At > history[i - 1].At, $"Deal {deal.Id}: change {i} is not after the one before.");
                Assert.Equal(history[i - 1].ToStageId, history[i].FromStageId);
            }

            Assert.All(history, c => Assert.Equal((deal.PipelineId, deal.PipelineId), (c.PipelineId, stages[c.ToStageId].PipelineId)));
            Assert.All(history, c => Assert.Equal(stages[c.ToStageId].DefaultProbability, c.Probability));
            Assert.True(history[0].At >= demo.Today.AddDays(-366) && history[^1].At < demo.Today, $"Deal {deal.Id}'s history is outside the last twelve months.");
        });
    }

    [Fact]
    public void StageTimes_AddUpEachDealsVisitsPerStage()
    {
        var times = demo.StageTimes.ToDictionary(t => (t.OpportunityId, t.StageId));
        var stays = demo.StageVisits.GroupBy(v => (v.OpportunityId, v.StageId)).ToList();

        Assert.Equal(stays.Count, times.Count);
        Assert.All(stays, stay =>
        {
            var time = times[stay.Key];
            var last = stay.MaxBy(v => v.EnteredAt)!;
            Assert.Equal((stay.Count(), stay.Sum(v => v.DurationSeconds ?? 0), last.ExitedAt is null), (time.Visits, time.CumulativeSeconds, time.InStage));
            Assert.Equal(last.EnteredAt, time.LastEnteredAt);
        });
    }

    [Fact]
    public void StageVisits_FollowTheChanges_WithoutOverlapAndWithExactDurations()
    {
        var changes = demo.StageChanges.ToLookup(c => c.OpportunityId);
        var visits = demo.StageVisits.ToLookup(v => v.OpportunityId);
        Assert.All(demo.Opportunities, deal =>
        {
            var history = changes[deal.Id].OrderBy(c => c.At).ToList();
            var stays = visits[deal.Id].OrderBy(v => v.EnteredAt).ToList();
            Assert.Equal(history.Select(c => (c.ToStageId, c.At)), stays.Select(v => (v.StageId, v.EnteredAt)));
            for (var i = 0; i < stays.Count; i++)
            {
                var visit = stays[i];
                if (i + 1 < stays.Count)
                {
                    // Each visit ends where the next begins: no gaps, no overlaps.
                    Assert.Equal(stays[i + 1].EnteredAt, visit.ExitedAt);
                    Assert.Equal((long)(visit.ExitedAt!.Value - visit.EnteredAt).TotalSeconds, visit.DurationSeconds);
                    Assert.True(visit.DurationSeconds > 0);
                }
                else
                {
                    Assert.Equal((null, null), (visit.ExitedAt, visit.DurationSeconds));
                }
            }
        });
    }

    [Fact]
    public void Opportunity_MaintainedFields_AgreeWithItsHistory()
    {
        var stages = demo.Stages;
        var changes = demo.StageChanges.ToLookup(c => c.OpportunityId);
        var lastDone = demo.Activities.Where(a => a.OpportunityId is not null && a.Status == ActivityStatus.Done).ToLookup(a => a.OpportunityId!.Value);
        Assert.All(demo.Opportunities, deal =>
        {
            var history = changes[deal.Id].OrderBy(c => c.At).ToList();
            var stage = stages[deal.StageId];
            Assert.Equal(history[^1].ToStageId, deal.StageId);
            Assert.Equal(history[^1].At, deal.StageEnteredAt);
            Assert.Equal(history[0].At, deal.CreatedAt);
            Assert.Equal(history.Select(c => stages[c.ToStageId]).Where(s => !s.IsLost).Max(s => s.Order), deal.HighestStageOrder);
            Assert.Equal((stage.DefaultProbability, stage.ForecastCategory), (deal.StageProbability, deal.StageForecastCategory));
            Assert.Equal(stage.IsWon ? OpportunityStatus.Won : stage.IsLost ? OpportunityStatus.Lost : OpportunityStatus.Open, deal.Status);
            Assert.Equal(deal.Status == OpportunityStatus.Open ? (DateTimeOffset?)null : history[^1].At, deal.ClosedAt);
            Assert.Equal(lastDone[deal.Id].Select(a => a.CompletedAt).Max(), deal.LastActivityAt);
            Assert.Equal(deal.Lines.Sum(l => l.Total), deal.Amount);
            Assert.All(history, c => Assert.Equal(deal.Amount, c.Amount));
            Assert.True(deal.CloseDatePushCount >= 0);
            if (deal.Status != OpportunityStatus.Open)
            {
                Assert.Equal(DateOnly.FromDateTime(deal.ClosedAt!.Value.UtcDateTime), deal.ExpectedCloseDate);
            }
        });
        Assert.Contains(demo.Opportunities, o => o.CloseDatePushCount > 0);
        Assert.Contains(demo.Opportunities, o => o.ProbabilityOverride is not null);
        Assert.Contains(demo.Opportunities, o => o.ForecastCategoryOverride is not null);
        Assert.Contains(demo.Opportunities, o => o.Currency != "EUR" && o.AmountInReportingCurrency != o.Amount);
    }

    [Fact]
    public void Outcomes_AreAboutAQuarterWonAndAFifthLost_LostDealsSayWhy()
    {
        var won = demo.Opportunities.Count(o => o.Status == OpportunityStatus.Won) / 800.0;
        var lost = demo.Opportunities.Where(o => o.Status == OpportunityStatus.Lost).ToList();

        Assert.InRange(won, 0.20, 0.30);
        Assert.InRange(lost.Count / 800.0, 0.15, 0.25);
        Assert.All(lost, o => Assert.False(string.IsNullOrWhiteSpace(o.LostReason)));
        Assert.Contains(lost, o => o.Competitor is not null);
        Assert.Contains(lost, o => o.HighestStageOrder > 1);
    }

    [Fact]
    public void WonDeals_EachHaveOneOrderForWhatTheySold()
    {
        var won = demo.Opportunities.Where(o => o.Status == OpportunityStatus.Won).ToList();
        Assert.Equal(won.Select(o => o.Id).Order(), demo.Orders.Select(o => o.OpportunityId!.Value).Order());
        Assert.All(demo.Orders, order =>
        {
            var deal = won.Single(o => o.Id == order.OpportunityId);
            Assert.Equal((deal.AccountId, deal.OwnerId, deal.RegionId, deal.Currency, deal.Amount), (order.AccountId, order.OwnerId, order.RegionId, order.Currency, order.Total));
            Assert.Equal(deal.Lines.Select(l => (l.ProductId, l.Quantity, l.Total)).Order(), order.Lines.Select(l => (l.ProductId, l.Quantity, l.Total)).Order());
            Assert.True(order.OrderedAt > deal.ClosedAt && order.OrderedAt < demo.Today);
        });
    }

    [Fact]
    public void Histories_SkipAndStepBack_WithAnOverrideWhereThePipelineForbidsIt()
    {
        var stages = demo.Stages;
        var pipelines = demo.Pipelines.ToDictionary(p => p.Id);
        var managers = demo.Users.Where(u => u.Role == SalesRole.Manager).Select(u => (long?)u.Id).ToHashSet();
        var moves = demo.StageChanges.Where(c => c.FromStageId is not null)
            .Select(c => (Change: c, From: stages[c.FromStageId!.Value], To: stages[c.ToStageId])).Where(m => !m.To.IsWon && !m.To.IsLost).ToList();
        var skips = moves.Where(m => m.To.Order > m.From.Order + 1).ToList();
        var backs = moves.Where(m => m.To.Order < m.From.Order).ToList();

        Assert.NotEmpty(skips);
        Assert.NotEmpty(backs);
        Assert.All(skips.Where(m => !pipelines[m.Change.PipelineId].AllowSkippingStages).Concat(backs.Where(m => !pipelines[m.Change.PipelineId].AllowMovingBackwards)), m =>
        {
            Assert.False(string.IsNullOrEmpty(m.Change.OverrideReason));
            Assert.Contains(m.Change.ByUserId, managers);
        });
        // Moves the pipeline allows need no override, and a normal step never has one.
        Assert.All(moves.Where(m => m.To.Order == m.From.Order + 1), m => Assert.Null(m.Change.OverrideReason));
    }

    [Fact]
    public void OpenDeals_StandInEveryOpenStage_AndSomeHaveStalled()
    {
        var stages = demo.Stages;
        var open = demo.Opportunities.Where(o => o.Status == OpportunityStatus.Open).ToList();

        Assert.All(stages.Values.Where(s => !s.IsWon && !s.IsLost), s => Assert.Contains(open, o => o.StageId == s.Id));
        Assert.Contains(open, o => (demo.Today - o.StageEnteredAt).TotalDays > stages[o.StageId].StallThresholdDays);
        Assert.Contains(open, o => o.ExpectedCloseDate < DateOnly.FromDateTime(demo.Today.UtcDateTime));
        Assert.True(open.Count(o => o.ExpectedCloseDate >= DateOnly.FromDateTime(demo.Today.UtcDateTime)) > open.Count / 2);
    }
}
