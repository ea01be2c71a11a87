using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Records;

namespace SfaFlow.Data.Tests.Sales;

public sealed class OpportunityRulesTests
{
    private static OpportunityFields Deal(SalesScenario s, params LineFields[] lines) => new()
    {
        Name = "Engine licences", AccountId = s.Account.Id, Currency = "EUR", ExpectedCloseDate = new DateOnly(2027, 3, 31), Lines = lines,
    };

    [Fact]
    public async Task Create_StartsInTheFirstStage_WithHistoryVisitAndValueFromItsLines()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);

        var deal = await host.Get<OpportunityService>().CreateAsync(Deal(s, new LineFields(s.Licence.Id, 3), new LineFields(s.Training.Id, 2, DiscountPercent: 50)), new(), s.Rep);

        Assert.Equal((s.StageNamed("Prospecting").Id, 3800m, 10, s.Rep.UserId), (deal.StageId, deal.Amount, deal.Probability, deal.OwnerId));
        await using var db = await host.OpenAsync();
        var change = await db.StageChanges.SingleAsync();
        Assert.Equal((null, s.StageNamed("Prospecting").Id, 3800m), (change.FromStageId, change.ToStageId, change.Amount));
        Assert.Null((await db.StageVisits.SingleAsync()).ExitedAt);
    }

    [Fact]
    public async Task Create_InvalidFields_ReportsEveryViolationByField()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => host.Get<OpportunityService>().CreateAsync(
            Deal(s, new LineFields(999, 1)) with { Name = " ", Amount = -1, Currency = "XYZ", ProbabilityOverride = 120 }, new(), s.Rep));

        Assert.Equal(["name", "amount", "currency", "probabilityOverride", "lines[0].productId"], refused.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task Move_SkippingStages_IsRefusedWithReason_AndAManagerMayOverrideWithAReasonThatIsAudited()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var service = host.Get<OpportunityService>();
        var deal = await service.CreateAsync(Deal(s), new(), s.Rep);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => service.MoveToStageAsync(deal.Id, new StageMove(s.StageNamed("Proposal").Id), s.Rep));
        Assert.Contains("does not allow skipping stages ('Qualification')", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => service.MoveToStageAsync(deal.Id, new StageMove(s.StageNamed("Proposal").Id, OverrideReason: "customer asked"), s.Rep));

        var moved = await service.MoveToStageAsync(deal.Id, new StageMove(s.StageNamed("Proposal").Id, OverrideReason: "qualified on the phone"), s.Manager);

        Assert.Equal((s.StageNamed("Proposal").Id, 50, 3), (moved.StageId, moved.Probability, moved.HighestStageOrder));
        await using var db = await host.OpenAsync();
        var change = await db.StageChanges.OrderBy(c => c.Id).LastAsync();
        Assert.Equal(("qualified on the phone", s.Manager.UserId), (change.OverrideReason, change.ByUserId));
        var audit = await db.AuditEntries.SingleAsync(a => a.RecordType == "Opportunity" && a.Field == "StageId");
        Assert.Equal(("qualified on the phone", s.Manager.UserId), (audit.Reason, audit.ByUserId));
    }

    [Fact]
    public async Task Move_IntoAStageWhoseGateFails_IsRefusedWithTheGatesMessage_UntilTheDealMeetsIt()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var service = host.Get<OpportunityService>();
        var deal = await service.CreateAsync(Deal(s), new(), s.Rep);
        await service.MoveToStageAsync(deal.Id, new StageMove(s.StageNamed("Qualification").Id), s.Rep);
        await service.MoveToStageAsync(deal.Id, new StageMove(s.StageNamed("Proposal").Id), s.Rep);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => service.MoveToStageAsync(deal.Id, new StageMove(s.StageNamed("Negotiation").Id), s.Rep));
        Assert.Equal([SalesScenario.ProposalGateMessage], refused.Violations.Select(v => v.Message));

        await using (var db = await host.OpenAsync())
        {
            db.Activities.Add(new SalesActivity { Kind = ActivityKind.Task, Subject = "Send proposal", Status = ActivityStatus.Done, OpportunityId = deal.Id, OwnerId = s.Rep.UserId });
            await db.SaveChangesAsync();
        }

        var moved = await service.MoveToStageAsync(deal.Id, new StageMove(s.StageNamed("Negotiation").Id), s.Rep);
        Assert.Equal(s.StageNamed("Negotiation").Id, moved.StageId);
    }

    [Fact]
    public async Task Win_CreatesTheOrderFromTheLines_ClosesTheVisit_AndAClosedDealCannotMoveWithoutOverride()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var service = host.Get<OpportunityService>();
        var deal = await service.CreateAsync(Deal(s, new LineFields(s.Licence.Id, 2)), new(), s.Rep);
        host.Clock.Advance(TimeSpan.FromDays(3));

        var won = await service.WinAsync(deal.Id, deal.Version, s.Rep);

        Assert.Equal((OpportunityStatus.Won, 100, host.Clock.GetUtcNow()), (won.Status, won.Probability, won.ClosedAt));
        await using var db = await host.OpenAsync();
        var order = await db.Orders.Include(o => o.Lines).SingleAsync();
        Assert.Equal(("SO-" + deal.Id.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), 2000m, deal.Id), (order.Number, order.Total, order.OpportunityId));
        Assert.Equal(2m, Assert.Single(order.Lines).Quantity);
        var first = await db.StageVisits.OrderBy(v => v.Id).FirstAsync();
        Assert.Equal(3 * 24 * 3600L, first.DurationSeconds);
        await Assert.ThrowsAsync<RuleViolationException>(() => service.MoveToStageAsync(deal.Id, new StageMove(s.StageNamed("Proposal").Id), s.Rep));
    }

    [Fact]
    public async Task Lose_NeedsAReason_AndKeepsReasonAndCompetitor()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var service = host.Get<OpportunityService>();
        var deal = await service.CreateAsync(Deal(s), new(), s.Rep);

        await Assert.ThrowsAsync<RuleViolationException>(() => service.LoseAsync(deal.Id, " ", null, null, s.Rep));
        var lost = await service.LoseAsync(deal.Id, "Price", "Babbage & Co", null, s.Rep);

        Assert.Equal((OpportunityStatus.Lost, "Price", "Babbage & Co", 0, 1), (lost.Status, lost.LostReason, lost.Competitor, lost.Probability, lost.HighestStageOrder));
    }

    [Fact]
    public async Task ChangesOutsideScope_AreNotFound_AndStaleVersionsConflict()
    {
        await using var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var service = host.Get<OpportunityService>();
        var deal = await service.CreateAsync(Deal(s), new(), s.Rep);

        await Assert.ThrowsAsync<RecordNotFoundException>(() => service.MoveToStageAsync(deal.Id, new StageMove(s.StageNamed("Qualification").Id), s.OtherRep));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => service.UpdateAsync(deal.Id, Deal(s), null, s.OtherRep));
        await service.UpdateAsync(deal.Id, Deal(s) with { ExpectedCloseDate = new DateOnly(2027, 6, 30) }, deal.Version, s.Rep);
        await Assert.ThrowsAsync<VersionConflictException>(() => service.UpdateAsync(deal.Id, Deal(s), deal.Version, s.Rep));

        await using var db = await host.OpenAsync();
        Assert.Equal(1, (await db.Opportunities.SingleAsync()).CloseDatePushCount);
    }
}
