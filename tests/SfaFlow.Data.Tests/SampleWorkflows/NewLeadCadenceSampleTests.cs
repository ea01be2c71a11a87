using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Leads;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using ActivityStatus = SfaFlow.Sales.Activities.ActivityStatus;

namespace SfaFlow.Data.Tests.SampleWorkflows;

/// <summary>
/// <c>workflows/new-lead-cadence.json</c> with <c>lead-qualification.json</c>: each step's exact moment in business days
/// from the unanswered first call, and a conversion ending the cadence while the day-7 call is open.
/// </summary>
public sealed class NewLeadCadenceSampleTests
{
    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task UnansweredFirstCall_EmailsOnDay3_CallsOnDay7_WaitsForDay14_AndAConversionEndsItAtOnce()
    {
        await using var world = await SampleWorld.CreateAsync("lead-qualification.json", "new-lead-cadence.json");
        var (s, host) = (world.Scenario, world.Host);
        var lead = await host.Get<LeadService>().CreateAsync(
            new LeadFields { Name = "Grace Hopper", Company = "Navy Labs", Email = "grace@example.org", Source = "Web" }, s.Rep);
        await world.DispatchAsync();
        var firstCall = await TaskAsync(world, lead.Id, "First call");

        // Friday 27 November 2026, 09:00: the first call goes unanswered, which makes today day 1.
        await host.Get<SalesActivityService>().CompleteAsync(firstCall.Id, new ActivityOutcome("No answer"), null, s.Rep);
        await world.DispatchAsync();
        var cadence = Assert.Single(await world.InstancesAsync("new-lead-cadence"));
        Assert.Equal(($"lead:{lead.Id}", WorkflowSubStatus.Suspended), (cadence.CorrelationId, cadence.SubStatus));
        Assert.Equal(At(12, 1), DueAt(cadence, "day-3")); // Tuesday: day 3 (the weekend skipped).
        Assert.Empty(await ActivitiesAsync(world, lead.Id, ActivityKind.Email));

        cadence = await FireAsync(world, At(12, 1));
        Assert.Equal("Sorry we missed you, Grace Hopper", Assert.Single(await ActivitiesAsync(world, lead.Id, ActivityKind.Email)).Subject);
        Assert.Equal(At(12, 7), DueAt(cadence, "day-7")); // Monday: day 7.

        cadence = await FireAsync(world, At(12, 7));
        var secondCall = await TaskAsync(world, lead.Id, "Second call");
        Assert.Equal((s.Rep.UserId, At(12, 7)), (secondCall.OwnerId, secondCall.DueAt));
        Assert.Equal(At(12, 16), DueAt(cadence, "day-14")); // Wednesday of the week after: day 14.

        await host.Get<LeadService>().ConvertAsync(lead.Id, new LeadConversion(), null, s.Rep);
        await world.DispatchAsync();

        var ended = Assert.Single(await world.InstancesAsync("new-lead-cadence"));
        Assert.Equal(WorkflowSubStatus.Finished, ended.SubStatus);
        Assert.Empty(ended.Bookmarks);
        Assert.Contains(ended.Journal, j => j.ActivityId == "left-on-conversion");
        // The open call stays open (the engine cannot clean up after a cancelled step); completing it resumes nothing.
        Assert.Equal(ActivityStatus.Planned, (await TaskAsync(world, lead.Id, "Second call")).Status);
        host.Clock.SetUtcNow(At(12, 17));
        Assert.Equal(0, await host.Get<WorkflowRuntime>().FireDueTimersAsync());
        Assert.Single(await ActivitiesAsync(world, lead.Id, ActivityKind.Email));
    }

    private static DateTimeOffset? DueAt(WorkflowInstance instance, string activityId) =>
        Assert.Single(instance.Bookmarks, b => b.ActivityId == activityId).DueAt;

    /// <summary>Moves the clock to the moment, fires the timers due and hands the events on; the cadence as it is then.</summary>
    private static async Task<WorkflowInstance> FireAsync(SampleWorld world, DateTimeOffset moment)
    {
        world.Host.Clock.SetUtcNow(moment);
        Assert.Equal(1, await world.Host.Get<WorkflowRuntime>().FireDueTimersAsync());
        await world.DispatchAsync();
        return Assert.Single(await world.InstancesAsync("new-lead-cadence"));
    }

    private static async Task<SalesActivity> TaskAsync(SampleWorld world, long leadId, string subject)
    {
        await using var db = await world.Host.OpenAsync();
        return await db.Activities.AsNoTracking().SingleAsync(a => a.LeadId == leadId && a.Kind == ActivityKind.Task && a.Subject == subject);
    }

    private static async Task<List<SalesActivity>> ActivitiesAsync(SampleWorld world, long leadId, ActivityKind kind)
    {
        await using var db = await world.Host.OpenAsync();
        return await db.Activities.AsNoTracking().Where(a => a.LeadId == leadId && a.Kind == kind).OrderBy(a => a.Id).ToListAsync();
    }
}
