using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Sales;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Records;
using SfaFlow.Workflows.Instances;
using ActivityStatus = SfaFlow.Sales.Activities.ActivityStatus;

namespace SfaFlow.Data.Tests.SampleWorkflows;

/// <summary><c>workflows/won-deal-to-order.json</c> and <c>workflows/opportunity-stage-gates.json</c> on the Standard pipeline.</summary>
public sealed class DealSampleTests
{
    [Fact]
    public async Task WinningADeal_PlansOneKickOffMeeting_AndTheDealKeepsExactlyOneOrder()
    {
        await using var world = await SampleWorld.CreateAsync("won-deal-to-order.json");
        var (s, host) = (world.Scenario, world.Host);
        var deals = host.Get<OpportunityService>();
        var won = await deals.CreateAsync(Deals.Fields(s, "Alpha", 1000m, "EUR", new DateOnly(2027, 1, 15)), new(), s.Rep);
        var open = await deals.CreateAsync(Deals.Fields(s, "Bravo", 500m, "EUR", new DateOnly(2027, 2, 1)), new(), s.Rep);

        await deals.MoveToStageAsync(open.Id, new StageMove(s.StageNamed("Qualification").Id), s.Rep);
        await deals.WinAsync(won.Id, null, s.Rep);
        await world.DispatchAsync();
        await world.DispatchAsync();

        var instance = Assert.Single(await world.InstancesAsync("won-deal-to-order"));
        Assert.Equal(($"opportunity:{won.Id}", WorkflowSubStatus.Finished), (instance.CorrelationId, instance.SubStatus));
        await using var db = await host.OpenAsync();
        var order = Assert.Single(await db.Orders.AsNoTracking().ToListAsync());
        Assert.Equal(won.Id, order.OpportunityId);
        var meeting = Assert.Single(await db.Activities.AsNoTracking().ToListAsync());
        Assert.Equal((ActivityKind.Meeting, "Kick-off meeting", ActivityStatus.Planned, won.Id, s.Rep.UserId),
            (meeting.Kind, meeting.Subject, meeting.Status, meeting.OpportunityId, meeting.OwnerId));
        // Won on Friday 27 November 2026: two business days later is Tuesday 1 December, at 10:00 for an hour.
        Assert.Equal((new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero)),
            (meeting.StartAt, meeting.EndAt));
    }

    [Fact]
    public async Task EnteringProposal_GivesTheOwnerTheSendProposalTask_AndNegotiationWaitsForItsCompletion()
    {
        await using var world = await SampleWorld.CreateAsync("opportunity-stage-gates.json");
        var (s, host) = (world.Scenario, world.Host);
        var deals = host.Get<OpportunityService>();
        var deal = await deals.CreateAsync(Deals.Fields(s, "Alpha", 1000m, "EUR", new DateOnly(2027, 1, 15)), new(), s.Rep);

        await deals.MoveToStageAsync(deal.Id, new StageMove(s.StageNamed("Qualification").Id), s.Rep);
        await world.DispatchAsync();
        Assert.Empty(await world.InstancesAsync("opportunity-stage-gates"));
        await deals.MoveToStageAsync(deal.Id, new StageMove(s.StageNamed("Proposal").Id), s.Rep);
        await world.DispatchAsync();

        SalesActivity task;
        await using (var db = await host.OpenAsync())
        {
            task = Assert.Single(await db.Activities.AsNoTracking().ToListAsync());
        }

        Assert.Equal((ActivityKind.Task, "Send proposal", ActivityStatus.Planned, deal.Id, s.Rep.UserId, TaskPriority.High),
            (task.Kind, task.Subject, task.Status, task.OpportunityId, task.OwnerId, task.Priority));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), task.DueAt);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            deals.MoveToStageAsync(deal.Id, new StageMove(s.StageNamed("Negotiation").Id), s.Rep));
        Assert.Contains(SalesScenario.ProposalGateMessage, refused.Message, StringComparison.Ordinal);

        await host.Get<SalesActivityService>().CompleteAsync(task.Id, new ActivityOutcome("Sent", "PDF by e-mail"), null, s.Rep);
        await world.DispatchAsync();
        Assert.Equal(WorkflowSubStatus.Finished, Assert.Single(await world.InstancesAsync("opportunity-stage-gates")).SubStatus);

        var moved = await deals.MoveToStageAsync(deal.Id, new StageMove(s.StageNamed("Negotiation").Id), s.Rep);
        Assert.Equal(s.StageNamed("Negotiation").Id, moved.StageId);
    }
}
