using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Opportunities;

namespace SfaFlow.Data.Tests.Sales;

/// <summary>The per-deal-and-stage time rows, kept with every stage change (METRICS.md 2.4: latest and cumulative).</summary>
public sealed class StageTimeTests
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public async Task Moves_KeepCumulativeAndLatestTimePerStage_WithTheCurrentVisitLeftOpen()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var service = host.Get<OpportunityService>();
        var start = host.Clock.GetUtcNow();
        var deal = await service.CreateAsync(new OpportunityFields
        {
            Name = "Engine licences", AccountId = s.Account.Id, Currency = "EUR", ExpectedCloseDate = new DateOnly(2027, 3, 31), Amount = 1000,
        }, new(), s.Rep);
        var prospecting = s.StageNamed("Prospecting").Id;
        var qualification = s.StageNamed("Qualification").Id;

        host.Clock.Advance(2 * Day);
        await service.MoveToStageAsync(deal.Id, new StageMove(qualification), s.Rep);
        host.Clock.Advance(Day);
        await service.MoveToStageAsync(deal.Id, new StageMove(prospecting), s.Rep);
        host.Clock.Advance(4 * Day);
        await service.MoveToStageAsync(deal.Id, new StageMove(qualification), s.Rep);

        await using var db = await host.OpenAsync();
        var times = await db.StageTimes.AsNoTracking().Where(t => t.OpportunityId == deal.Id).ToDictionaryAsync(t => t.StageId);
        var inProspecting = times[prospecting];
        var inQualification = times[qualification];
        Assert.Equal((2, Seconds(6 * Day), Seconds(4 * Day), false), (inProspecting.Visits, inProspecting.CumulativeSeconds, inProspecting.LatestSeconds, inProspecting.InStage));
        Assert.Equal((start, start + 3 * Day, start + 7 * Day), (inProspecting.FirstEnteredAt, inProspecting.LastEnteredAt, inProspecting.LastExitedAt));
        Assert.Equal((2, Seconds(Day), Seconds(Day), true), (inQualification.Visits, inQualification.CumulativeSeconds, inQualification.LatestSeconds, inQualification.InStage));
        Assert.Equal(host.Clock.GetUtcNow(), inQualification.LastEnteredAt);
        Assert.Equal(2, times.Count);
    }

    [Fact]
    public void Summarize_AddsUpVisitsAsTheMovesWould()
    {
        var at = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
        StageVisit[] visits =
        [
            new() { OpportunityId = 7, StageId = 1, EnteredAt = at, ExitedAt = at + Day, DurationSeconds = Seconds(Day) },
            new() { OpportunityId = 7, StageId = 2, EnteredAt = at + Day, ExitedAt = at + 3 * Day, DurationSeconds = Seconds(2 * Day) },
            new() { OpportunityId = 7, StageId = 1, EnteredAt = at + 3 * Day },
        ];

        var times = StageTracking.Summarize(visits).ToDictionary(t => t.StageId);

        Assert.Equal((2, Seconds(Day), Seconds(Day), true, at + 3 * Day), (times[1].Visits, times[1].CumulativeSeconds, times[1].LatestSeconds, times[1].InStage, times[1].LastEnteredAt));
        Assert.Equal((1, Seconds(2 * Day), false, at + 3 * Day), (times[2].Visits, times[2].CumulativeSeconds, times[2].InStage, times[2].LastExitedAt));
    }

    [Fact]
    public async Task Migration_BackfillsTheRowsOfDatabasesThatHadOnlyVisits()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var service = host.Get<OpportunityService>();
        var deal = await service.CreateAsync(new OpportunityFields
        {
            Name = "Engine licences", AccountId = s.Account.Id, Currency = "EUR", ExpectedCloseDate = new DateOnly(2027, 3, 31), Amount = 1000,
        }, new(), s.Rep);
        foreach (var stage in new[] { "Qualification", "Prospecting", "Qualification", "Proposal" })
        {
            host.Clock.Advance(Day);
            await service.MoveToStageAsync(deal.Id, new StageMove(s.StageNamed(stage).Id), s.Rep);
        }

        var maintained = await StageTimesAsync(host);
        await using (var context = await host.Get<IDbContextFactory<SfaFlowDbContext>>().CreateDbContextAsync())
        {
            // Back to the schema before stage times (drops the table), then forward again: the migration fills it from the visits.
            var migrator = context.GetService<IMigrator>();
            await migrator.MigrateAsync("Identity");
            await migrator.MigrateAsync();
        }

        var backfilled = await StageTimesAsync(host);
        Assert.Equal(3, maintained.Count);
        Assert.Equal(maintained.Select(Describe), backfilled.Select(Describe));
    }

    private static async Task<List<StageTime>> StageTimesAsync(SalesHost host)
    {
        await using var db = await host.OpenAsync();
        return await db.StageTimes.AsNoTracking().OrderBy(t => t.StageId).ToListAsync();
    }

    private static string Describe(StageTime t) =>
        $"{t.StageId}: {t.Visits} visits, {t.CumulativeSeconds}s, latest {t.LatestSeconds}s, in stage {t.InStage}, {t.FirstEnteredAt:O}..{t.LastEnteredAt:O}..{t.LastExitedAt:O}";

    private static long Seconds(TimeSpan span) => (long)span.TotalSeconds;
}
