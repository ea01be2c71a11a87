using System.Net;
using System.Text.Json;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.EndToEnd;

/// <summary>
/// <c>opportunity-stage-gates.json</c> and <c>won-deal-to-order.json</c> in the real host, over HTTP: the proposal task and
/// the Negotiation gate that waits for it; winning a deal gives one order and the owner's kick-off meeting.
/// </summary>
public sealed class DealWorkflowTests
{
    private const string Gate = "opportunity.completedTasks.includes('Send proposal')";
    private const string GateMessage = "A proposal must be sent before negotiation.";

    [Fact]
    public async Task StageGate_RefusesNegotiationUntilTheProposalTaskIsCompleted_AndTheTraceSaysWhy()
    {
        await using var world = await SalesWorld.StartAsync("opportunity-stage-gates.json");
        var pipeline = await world.AddPipelineAsync("Gated", ("Qualification", null, null), ("Proposal", null, null), ("Negotiation", Gate, GateMessage));
        var (repId, rep) = await world.AddUserAsync("anna");
        var dealId = await DealAsync(rep, pipeline);

        await (await rep.PostJsonAsync($"/api/opportunities/{dealId}/stage", Move(pipeline, "Proposal"))).JsonAsync();
        var task = await world.UntilTaskAsync(rep, "Send proposal", "opportunityId", dealId);
        Assert.Equal(repId, task.GetProperty("ownerId").GetInt64());

        var refused = await (await rep.PostJsonAsync($"/api/opportunities/{dealId}/stage", Move(pipeline, "Negotiation"))).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(GateMessage, refused.GetRawText(), StringComparison.Ordinal);
        var trace = (await (await rep.GetAsync($"/api/opportunities/{dealId}/decisions")).JsonAsync()).Items().First();
        Assert.Equal(("StageGate", "Negotiation", "Refused"), (trace.Text("kind"), trace.Text("subject"), trace.Text("result")));
        Assert.Contains(GateMessage, trace.Text("summary"), StringComparison.Ordinal);
        Assert.Equal(Gate, Assert.Single(trace.Items("rules")).Text("expression"));

        await (await rep.PostJsonAsync($"/api/tasks/{task.GetProperty("id").GetInt64()}/complete", """{"outcome": "Sent", "note": "Proposal v1"}""")).JsonAsync();
        var moved = await (await rep.PostJsonAsync($"/api/opportunities/{dealId}/stage", Move(pipeline, "Negotiation"))).JsonAsync();
        Assert.Equal(SalesWorld.StageId(pipeline, "Negotiation"), moved.GetProperty("stageId").GetInt64());
    }

    [Fact]
    public async Task WinningADeal_CreatesExactlyOneOrder_AndTheOwnersKickOffTwoBusinessDaysLater()
    {
        await using var world = await SalesWorld.StartAsync("won-deal-to-order.json");
        var pipeline = await world.AddPipelineAsync("Simple", ("Qualification", null, null), ("Proposal", null, null));
        var (repId, rep) = await world.AddUserAsync("anna");
        var dealId = await DealAsync(rep, pipeline);

        await (await rep.PostJsonAsync($"/api/opportunities/{dealId}/win", "{}")).JsonAsync();

        List<JsonElement> meetings = [];
        await world.UntilAsync(async () => (meetings = [.. (await (await rep.GetAsync($"/api/activities-log?opportunityId={dealId}&kind=Meeting")).JsonAsync()).Items()]).Count > 0,
            "the kick-off meeting");
        var kickOff = Assert.Single(meetings);
        Assert.Equal(("Kick-off meeting", repId, "Planned"), (kickOff.Text("subject"), kickOff.GetProperty("ownerId").GetInt64(), kickOff.Text("status")));
        // Won on Monday (day 1): two business days later, Wednesday, at 10:00 in the calendar's time zone (UTC).
        Assert.Equal(world.BusinessDay(3, 10), kickOff.GetProperty("startAt").GetDateTimeOffset());
        var orders = await (await rep.GetAsync($"/api/orders?opportunityId={dealId}")).JsonAsync();
        Assert.Equal(1, orders.GetProperty("total").GetInt32());
        await world.UntilAsync(async () => (await world.InstancesAsync("won-deal-to-order", $"opportunity:{dealId}")) is [var only] && only.Text("subStatus") == "Finished",
            "the workflow to finish");
        Assert.Equal(1, (await (await rep.GetAsync($"/api/orders?opportunityId={dealId}")).JsonAsync()).GetProperty("total").GetInt32());
    }

    private static string Move(JsonElement pipeline, string stage) => JsonSerializer.Serialize(new { stageId = SalesWorld.StageId(pipeline, stage) });

    /// <summary>An account and a deal of the rep in the pipeline's first stage.</summary>
    private static async Task<long> DealAsync(HttpClient rep, JsonElement pipeline)
    {
        var account = await (await rep.PostJsonAsync("/api/accounts", """{"name": "Analytical Engines"}""")).JsonAsync(HttpStatusCode.Created);
        var deal = await (await rep.PostJsonAsync("/api/opportunities", JsonSerializer.Serialize(new
        {
            fields = new { name = "Engines for Bavaria", accountId = account.GetProperty("id").GetInt64(), amount = 25000, currency = "EUR", expectedCloseDate = "2027-06-30" },
            pipelineId = pipeline.GetProperty("id").GetInt64(),
        }))).JsonAsync(HttpStatusCode.Created);
        return deal.GetProperty("id").GetInt64();
    }
}
