using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Sales;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Security;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime.Scheduling;
using ActivityStatus = SfaFlow.Sales.Activities.ActivityStatus;

namespace SfaFlow.Data.Tests.SampleWorkflows;

/// <summary>
/// <c>workflows/stalled-deal-escalation.json</c>, driven by the scheduler over a fake clock: each weekday at 08:00 the owner
/// of a stalled deal gets a task, never a second one while the first is open, and the manager of the deal's region gets one
/// when it is left open for 2 business days.
/// </summary>
public sealed class StalledDealSampleTests
{
    private const string OwnerTask = "Stalled deal: move it on or close it";

    [Fact]
    public async Task EachMorning_TheOwnerOfAStalledDealGetsOneTask_LeftOpenTwoBusinessDaysItGoesToTheManager_CompletedInTimeItDoesNot()
    {
        await using var world = await SampleWorld.CreateAsync("stalled-deal-escalation.json");
        var (s, host) = (world.Scenario, world.Host);
        var region = await PlaceTheTeamAsync(world);
        var deals = host.Get<OpportunityService>();
        // Created on Friday 27 November 2026; Prospecting counts a deal as stalled after 5 days.
        var neglected = await deals.CreateAsync(Deals.Fields(s, "Old engines", 1000m, "EUR", new DateOnly(2027, 3, 31)) with { RegionId = region }, new(), s.Rep);
        var rescued = await deals.CreateAsync(Deals.Fields(s, "Spare engines", 1000m, "EUR", new DateOnly(2027, 3, 31)) with { RegionId = region }, new(), s.Rep);
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.Zero));
        var fresh = await deals.CreateAsync(Deals.Fields(s, "New engines", 1000m, "EUR", new DateOnly(2027, 3, 31)) with { RegionId = region }, new(), s.Rep);

        // Monday 7 December, 08:00: both old deals are 9 whole days in Prospecting (past 5); the new one is not stalled.
        await MorningAsync(world, new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
        var monday = await TasksAsync(world);
        Assert.Equal([(neglected.Id, OwnerTask, s.Rep.UserId), (rescued.Id, OwnerTask, s.Rep.UserId)],
            monday.Select(t => (t.OpportunityId!.Value, t.Subject, t.OwnerId)));
        Assert.All(monday, t => Assert.Equal(["Moved on", "Still working", "Closed as lost"], t.AllowedOutcomes));
        Assert.All(monday, t => Assert.Equal(TaskPriority.High, t.Priority));
        Assert.Contains("In Prospecting for 9 days", monday[0].Notes, StringComparison.Ordinal);
        // Due the next business day at the same time.
        Assert.All(monday, t => Assert.Equal(new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero), t.DueAt));
        Assert.DoesNotContain(monday, t => t.OpportunityId == fresh.Id);

        // The rep moves the second deal on the same day and says so.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        await deals.MoveToStageAsync(rescued.Id, new StageMove(s.StageNamed("Qualification").Id), s.Rep);
        await host.Get<SalesActivityService>().CompleteAsync(monday[1].Id, new ActivityOutcome("Moved on", "Budget confirmed"), null, s.Rep);
        await world.DispatchAsync();

        // Tuesday: the neglected deal's task is overdue but still open, so no second task; the rescued deal is no longer stalled.
        await MorningAsync(world, new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(monday.Select(t => t.Id), (await TasksAsync(world)).Select(t => t.Id));

        // Wednesday: two business days after it was given, the neglected deal's task goes to the manager of its region.
        await MorningAsync(world, new DateTimeOffset(2026, 12, 9, 8, 0, 0, TimeSpan.Zero));
        var wednesday = await TasksAsync(world);
        Assert.Equal(3, wednesday.Count);
        var (ownerTask, doneTask, escalation) = (wednesday[0], wednesday[1], wednesday[2]);
        Assert.Equal((ActivityStatus.Planned, new DateTimeOffset(2026, 12, 9, 8, 0, 0, TimeSpan.Zero)), (ownerTask.Status, ownerTask.EscalatedAt));
        Assert.Equal((ActivityStatus.Done, "Moved on", (DateTimeOffset?)null), (doneTask.Status, doneTask.Outcome, doneTask.EscalatedAt));
        var manager = await host.PrincipalAsync("regional-manager");
        Assert.Equal((neglected.Id, manager.UserId, ActivityStatus.Planned, "Stalled deal escalated: Old engines (rep)"),
            (escalation.OpportunityId!.Value, escalation.OwnerId, escalation.Status, escalation.Subject));
        Assert.StartsWith("rep has left the stalled-deal task on Old engines open for 2 business days", escalation.Notes, StringComparison.Ordinal);

        // Thursday: the escalated deal is still stalled, but its workflow waits on the manager: nothing piles up.
        await MorningAsync(world, new DateTimeOffset(2026, 12, 10, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(wednesday.Select(t => t.Id), (await TasksAsync(world)).Select(t => t.Id));
        var instances = (await world.InstancesAsync("stalled-deal-escalation")).OrderBy(i => i.CorrelationId == $"opportunity:{neglected.Id}").ToList();
        Assert.Equal([($"opportunity:{rescued.Id}", WorkflowSubStatus.Finished), ($"opportunity:{neglected.Id}", WorkflowSubStatus.Suspended)],
            instances.Select(i => (i.CorrelationId, i.SubStatus)));
    }

    [Fact]
    public async Task WhenTheDealsWorkflowHasFinished_AStillStalledDealGetsANewTaskTheNextMorning()
    {
        await using var world = await SampleWorld.CreateAsync("stalled-deal-escalation.json");
        var (s, host) = (world.Scenario, world.Host);
        var region = await PlaceTheTeamAsync(world);
        var deal = await host.Get<OpportunityService>().CreateAsync(Deals.Fields(s, "Old engines", 1000m, "EUR", new DateOnly(2027, 3, 31)) with { RegionId = region }, new(), s.Rep);

        await MorningAsync(world, new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
        var first = Assert.Single(await TasksAsync(world));
        await host.Get<SalesActivityService>().CompleteAsync(first.Id, new ActivityOutcome("Still working", "Waiting for their board"), null, s.Rep);
        await world.DispatchAsync();
        await MorningAsync(world, new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero));

        var tasks = await TasksAsync(world);
        Assert.Equal([(ActivityStatus.Done, deal.Id), (ActivityStatus.Planned, deal.Id)], tasks.Select(t => (t.Status, t.OpportunityId!.Value)));
        Assert.Equal(2, (await world.InstancesAsync("stalled-deal-escalation")).Count);
    }

    /// <summary>A region; the rep works in it and a manager of it (who will get escalations); Prospecting stalls after 5 days.</summary>
    private static async Task<long> PlaceTheTeamAsync(SampleWorld world)
    {
        await using var db = await world.Host.OpenAsync();
        var region = new Region { Name = "DACH" };
        db.Regions.Add(region);
        (await db.Stages.SingleAsync(st => st.Id == world.Scenario.StageNamed("Prospecting").Id)).StallThresholdDays = 5;
        await db.SaveChangesAsync();
        (await db.Users.SingleAsync(u => u.UserName == "rep")).RegionIds = [region.Id];
        await db.SaveChangesAsync();
        await world.Host.AddUserAsync("regional-manager", SalesRole.Manager, RecordScope.Region, null, region.Id);
        return region.Id;
    }

    /// <summary>The clock reaches the moment and the scheduler makes its pass: due timers, then the schedule's occurrences.</summary>
    private static async Task MorningAsync(SampleWorld world, DateTimeOffset at)
    {
        world.Host.Clock.SetUtcNow(at);
        await world.Host.Get<WorkflowScheduler>().TickAsync();
        await world.DispatchAsync();
    }

    private static async Task<List<SalesActivity>> TasksAsync(SampleWorld world)
    {
        await using var db = await world.Host.OpenAsync();
        return await db.Activities.AsNoTracking().Where(a => a.Kind == ActivityKind.Task).OrderBy(a => a.Id).ToListAsync();
    }
}
