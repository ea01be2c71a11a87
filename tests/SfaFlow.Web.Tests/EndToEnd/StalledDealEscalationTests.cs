using System.Net;
using System.Text.Json;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Security;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.EndToEnd;

/// <summary>
/// <c>stalled-deal-escalation.json</c> in the real host, over HTTP, on a fake clock: every weekday at 08:00 UTC the owner of
/// each open deal past its stage's stall threshold gets "Stalled deal: move it on or close it"; one task per deal at a time
/// (a correlated singleton), and left open for 2 business days it goes to the Manager of the deal's region.
/// </summary>
public sealed class StalledDealEscalationTests
{
    private const string Definition = "stalled-deal-escalation";
    private const string OwnerTask = "Stalled deal: move it on or close it";
    private const string RepName = "Anna Schmidt";

    [Fact]
    public async Task StalledDeal_GetsOneTaskOnTheNextWeekdayMorning_NoSecondTheDayAfter_AndEscalatesToTheRegionsManagerTwoBusinessDaysLater()
    {
        await using var world = await SalesWorld.StartAsync("stalled-deal-escalation.json");
        var org = await OrgAsync(world);
        // Monday (day 1) 08:00: in Qualification, whose stall threshold is 1 day.
        var stalledId = await DealAsync(org, "Engines for Bavaria", "2027-03-31");

        // Tuesday (day 2) 07:00: a second deal, which will still be within the threshold on Wednesday morning.
        world.AdvanceTo(world.BusinessDay(2, 7));
        var freshId = await DealAsync(org, "Turbines for Franconia", "2027-09-30");

        // Wednesday (day 3) 08:00: the stalled deal is 2 days in its stage (> 1), the fresh one 1 day (not > 1).
        // Tuesday's run passed too and found nothing: the stalled deal was then 1 day in its stage.
        world.AdvanceTo(world.BusinessDay(3, 8));
        var task = await world.UntilTaskAsync(org.Rep, OwnerTask, "opportunityId", stalledId);
        await world.UntilWaitingAtAsync(Definition, Correlation(stalledId), "owner-task");
        Assert.Equal(org.RepId, task.GetProperty("ownerId").GetInt64());
        Assert.Equal("High", task.Text("priority"));
        Assert.Equal(["Moved on", "Still working", "Closed as lost"], task.Items("allowedOutcomes").Select(o => o.GetString()));
        Assert.StartsWith("In Qualification for 2 days (the stage counts a deal as stalled after 1)", task.Text("notes"), StringComparison.Ordinal);
        // Due the next business day, Thursday.
        Assert.Equal(world.BusinessDay(4, 0).Date, task.GetProperty("dueAt").GetDateTimeOffset().UtcDateTime.Date);
        Assert.Single(await StalledTasksAsync(org.Rep));
        Assert.Empty(await world.InstancesAsync(Definition, Correlation(freshId)));

        // Thursday (day 4) 08:00: the fresh deal is now 2 days in its stage and gets its task (so the morning's run has
        // passed, the stalled deal first: the run goes through deals by expected close date); the stalled deal's task is
        // still open, so its instance is still running and it gets no second one.
        world.AdvanceTo(world.BusinessDay(4, 8));
        await world.UntilTaskAsync(org.Rep, OwnerTask, "opportunityId", freshId);
        await world.UntilWaitingAtAsync(Definition, Correlation(freshId), "owner-task");
        var stalledTasks = await StalledTasksAsync(org.Rep);
        Assert.Equal([stalledId, freshId], stalledTasks.Select(t => SalesWorld.IdOf(t, "opportunityId") ?? 0).Order());
        Assert.Equal(task.GetProperty("id").GetInt64(), stalledTasks.Single(t => SalesWorld.IdOf(t, "opportunityId") == stalledId).GetProperty("id").GetInt64());
        Assert.Single(await world.InstancesAsync(Definition, Correlation(stalledId)));
        Assert.Empty(await SalesWorld.MyTasksAsync(org.Manager));

        // Friday (day 5): two business days after it was given (due Thursday, then one business day overdue), the task
        // escalates to Bavaria's manager, naming the deal and the rep; the owner's task stays open, marked escalated.
        world.AdvanceTo(world.BusinessDay(5, 9));
        var escalation = await world.UntilTaskAsync(org.Manager, $"Stalled deal escalated: Engines for Bavaria ({RepName})", "opportunityId", stalledId);
        await world.UntilWaitingAtAsync(Definition, Correlation(stalledId), "manager-task");
        Assert.Equal(org.ManagerId, escalation.GetProperty("ownerId").GetInt64());
        Assert.Equal("High", escalation.Text("priority"));
        Assert.StartsWith($"{RepName} has left the stalled-deal task on Engines for Bavaria open for 2 business days.", escalation.Text("notes"), StringComparison.Ordinal);
        Assert.Single(await SalesWorld.MyTasksAsync(org.Manager));

        var ownerTask = await (await org.Rep.GetAsync($"/api/activities-log/{task.GetProperty("id").GetInt64()}")).JsonAsync();
        Assert.Equal("Planned", ownerTask.Text("status"));
        Assert.Equal(JsonValueKind.String, ownerTask.GetProperty("escalatedAt").ValueKind);
        Assert.Equal(2, (await StalledTasksAsync(org.Rep)).Count);
    }

    [Fact]
    public async Task StalledDeal_MovedOnAndItsTaskCompletedInTime_IsNeverEscalated()
    {
        await using var world = await SalesWorld.StartAsync("stalled-deal-escalation.json");
        var org = await OrgAsync(world);
        var movedId = await DealAsync(org, "Engines for Bavaria", "2027-03-31");
        var leftId = await DealAsync(org, "Looms for Swabia", "2027-09-30");

        // Wednesday (day 3) 08:00: both deals are 2 days in Qualification and their owner gets a task for each.
        world.AdvanceTo(world.BusinessDay(3, 8));
        var task = await world.UntilTaskAsync(org.Rep, OwnerTask, "opportunityId", movedId);
        await world.UntilTaskAsync(org.Rep, OwnerTask, "opportunityId", leftId);
        await world.UntilWaitingAtAsync(Definition, Correlation(movedId), "owner-task");
        await world.UntilWaitingAtAsync(Definition, Correlation(leftId), "owner-task");

        // The rep moves one deal on to Proposal (no stall threshold) and says so on its task, the same day.
        await (await org.Rep.PostJsonAsync($"/api/opportunities/{movedId}/stage",
            JsonSerializer.Serialize(new { stageId = SalesWorld.StageId(org.Pipeline, "Proposal") }))).JsonAsync();
        await (await org.Rep.PostJsonAsync($"/api/tasks/{task.GetProperty("id").GetInt64()}/complete", """{"outcome": "Moved on", "note": "Proposal meeting booked"}""")).JsonAsync();
        var finished = await world.UntilInstanceAsync(Definition, Correlation(movedId), "Finished");
        Assert.Empty((await (await world.Admin.GetAsync($"/api/workflow-instances/{finished.Text("id")}")).JsonAsync()).Items("bookmarks"));

        // Friday (day 5), past the escalation moment: the deal left alone escalates, the one moved on does not.
        world.AdvanceTo(world.BusinessDay(5, 9));
        await world.UntilTaskAsync(org.Manager, $"Stalled deal escalated: Looms for Swabia ({RepName})", "opportunityId", leftId);
        await world.UntilWaitingAtAsync(Definition, Correlation(leftId), "manager-task");
        var managersTasks = await SalesWorld.MyTasksAsync(org.Manager);
        Assert.DoesNotContain(managersTasks, t => SalesWorld.IdOf(t, "opportunityId") == movedId);
        Assert.Single(managersTasks);
        Assert.DoesNotContain(await StalledTasksAsync(org.Rep), t => SalesWorld.IdOf(t, "opportunityId") == movedId);
        Assert.Single(await world.InstancesAsync(Definition, Correlation(movedId)));
    }

    private static string Correlation(long dealId) => $"opportunity:{dealId}";

    /// <summary>The caller's planned "Stalled deal" tasks.</summary>
    private static async Task<List<JsonElement>> StalledTasksAsync(HttpClient client) =>
        [.. (await SalesWorld.MyTasksAsync(client)).Where(t => t.Text("subject") == OwnerTask)];

    /// <summary>
    /// The org over the API: the region Bavaria with its rep Anna Schmidt and its Manager, a pipeline whose first stage
    /// counts a deal as stalled after 1 day, and Anna's account in Bavaria.
    /// </summary>
    private static async Task<Org> OrgAsync(SalesWorld world)
    {
        var bavaria = await world.AddRegionAsync("Bavaria");
        var (repId, rep) = await world.AddUserAsync("anna", RepName, SalesRole.Rep, RecordScope.Own, bavaria);
        var (managerId, manager) = await world.AddUserAsync("max", "Max Huber", SalesRole.Manager, RecordScope.Region, bavaria);
        var pipeline = await world.AddPipelineWithStallThresholdsAsync("Field sales", ("Qualification", 1), ("Proposal", null));
        Assert.Equal(1, pipeline.Items("stages").Single(s => s.Text("name") == "Qualification").GetProperty("stallThresholdDays").GetInt32());
        var account = await (await rep.PostJsonAsync("/api/accounts", JsonSerializer.Serialize(new { name = "Analytical Engines", regionId = bavaria })))
            .JsonAsync(HttpStatusCode.Created);
        return new Org(bavaria, repId, rep, managerId, manager, pipeline, account.GetProperty("id").GetInt64());
    }

    /// <summary>An open deal of the rep in the pipeline's first stage, in the account's region; it enters the stage now.</summary>
    private static async Task<long> DealAsync(Org org, string name, string expectedCloseDate)
    {
        var deal = await (await org.Rep.PostJsonAsync("/api/opportunities", JsonSerializer.Serialize(new
        {
            fields = new { name, accountId = org.AccountId, amount = 25000, currency = "EUR", expectedCloseDate },
            pipelineId = org.Pipeline.GetProperty("id").GetInt64(),
        }))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal((org.RegionId, org.RepId), (SalesWorld.IdOf(deal, "regionId"), deal.GetProperty("ownerId").GetInt64()));
        return deal.GetProperty("id").GetInt64();
    }

    private sealed record Org(long RegionId, long RepId, HttpClient Rep, long ManagerId, HttpClient Manager, JsonElement Pipeline, long AccountId);
}
