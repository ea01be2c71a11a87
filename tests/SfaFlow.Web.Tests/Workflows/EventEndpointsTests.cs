using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;
using SfaFlow.Workflows.Runtime.Instances;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Web.Tests.Support.Workflows;

namespace SfaFlow.Web.Tests.Workflows;

/// <summary>Publishing named events: they start triggered workflows and resume waiting instances.</summary>
public sealed class EventEndpointsTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient(SalesRole.Admin);

    [Fact]
    public async Task Event_StartsTheWorkflowItTriggers_WithThePayload()
    {
        var eventName = UniqueId("LeadCreated");
        var id = UniqueId("on-lead");
        var triggered = Definition(id,
            [Wf.Activity("created", "Elsa.Event", new() { ["eventName"] = Wf.Literal(eventName) }, canStartWorkflow: true), SetVariableJs("keep", "Lead", "getOutputFrom('created').name")],
            [Wf.Connect("created", "keep")],
            [Wf.Variable("Lead", "String")]);
        await (await _client.PostJsonAsync("/api/workflow-definitions/import", triggered)).JsonAsync();

        var result = await (await _client.PostJsonAsync($"/api/events/{eventName}", """{"correlationId": "lead-9", "payload": {"name": "Ada"}}""")).JsonAsync();

        var started = Assert.Single(result.Items("started"));
        Assert.Empty(result.Items("resumed"));
        Assert.Equal((id, "Finished"), (started.Text("definitionId"), started.Text("subStatus")));
        Assert.False(started.TryGetProperty("journal", out _), "Events answer ids and statuses, not whole instances.");
        var instance = await (await _client.GetAsync($"/api/workflow-instances/{started.Text("id")}")).JsonAsync();
        Assert.Equal(("lead-9", "Ada"), (instance.Text("correlationId"), instance.GetProperty("variables").Text("Lead")));
    }

    [Fact]
    public async Task Event_WithACorrelationId_ResumesOnlyTheInstanceCorrelatedToIt()
    {
        var eventName = UniqueId("LeadReplied");
        var id = UniqueId("wait-reply");
        await (await _client.PostJsonAsync("/api/workflow-definitions/import", WaitsForEvent(id, eventName))).JsonAsync();
        var mine = await (await _client.PostJsonAsync($"/api/workflow-definitions/{id}/execute", """{"correlationId": "lead-7"}""")).JsonAsync();
        var other = await (await _client.PostJsonAsync($"/api/workflow-definitions/{id}/execute", """{"correlationId": "lead-8"}""")).JsonAsync();

        var result = await (await _client.PostJsonAsync($"/api/events/{eventName}", """{"correlationId": "lead-7", "payload": {"text": "yes"}}""")).JsonAsync();
        var nobody = await (await _client.PostJsonAsync($"/api/events/{UniqueId("Unheard")}")).JsonAsync();

        Assert.Empty(result.Items("started"));
        var resumed = Assert.Single(result.Items("resumed"));
        Assert.Equal((mine.Text("id"), "Finished"), (resumed.Text("id"), resumed.Text("subStatus")));
        Assert.Equal("yes", (await (await _client.GetAsync($"/api/workflow-instances/{mine.Text("id")}")).JsonAsync()).GetProperty("variables").Text("Reply"));
        Assert.Equal("Suspended", (await (await _client.GetAsync($"/api/workflow-instances/{other.Text("id")}")).JsonAsync()).Text("subStatus"));
        Assert.Empty(nobody.Items("started"));
        Assert.Empty(nobody.Items("resumed"));
    }

    [Fact]
    public async Task Event_PostedAgainWithTheSameEventId_StartsAndResumesNothingMore()
    {
        var eventName = UniqueId("LeadQualified");
        var starts = UniqueId("on-qualified");
        var waits = UniqueId("wait-qualified");
        await (await _client.PostJsonAsync("/api/workflow-definitions/import", Definition(starts,
            [Wf.Activity("qualified", "Elsa.Event", new() { ["eventName"] = Wf.Literal(eventName) }, canStartWorkflow: true)]))).JsonAsync();
        await (await _client.PostJsonAsync("/api/workflow-definitions/import", WaitsForEvent(waits, eventName))).JsonAsync();
        var waiting = await (await _client.PostJsonAsync($"/api/workflow-definitions/{waits}/execute", """{"correlationId": "lead-3"}""")).JsonAsync();
        var body = """{"correlationId": "lead-3", "eventId": "crm-7f3a", "payload": {"text": "qualified"}}""";

        var first = await (await _client.PostJsonAsync($"/api/events/{eventName}", body)).JsonAsync();
        var retried = await (await _client.PostJsonAsync($"/api/events/{eventName}", body)).JsonAsync();

        Assert.Equal(starts, Assert.Single(first.Items("started")).Text("definitionId"));
        Assert.Equal(waiting.Text("id"), Assert.Single(first.Items("resumed")).Text("id"));
        Assert.Empty(retried.Items("started"));
        Assert.Empty(retried.Items("resumed"));
        var instances = await (await _client.GetAsync($"/api/workflow-instances?definitionId={starts}")).JsonAsync();
        Assert.Equal(1, instances.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Event_WhileAnotherRuntimeHoldsTheInstance_ReportsItBusyAndPostingAgainResumesIt()
    {
        using var impatient = factory.WithWebHostBuilder(builder => builder.UseSetting("SfaFlow:Runtime:BusyWait", "00:00:00.100"));
        var client = SfaFlowApiFactory.WithToken(impatient.CreateClient(), factory.TokenOf(SalesRole.Admin));
        var eventName = UniqueId("LeadReplied");
        var id = UniqueId("wait-reply");
        await (await client.PostJsonAsync("/api/workflow-definitions/import", WaitsForEvent(id, eventName))).JsonAsync();
        var waiting = (await (await client.PostJsonAsync($"/api/workflow-definitions/{id}/execute", """{"correlationId": "lead-5"}""")).JsonAsync()).Text("id");
        var store = impatient.Services.GetRequiredService<IWorkflowInstanceStore>();
        var otherNode = new Lease("other-node", DateTimeOffset.UtcNow.AddHours(1));
        await store.TryClaimAsync(waiting, otherNode, stimulus: null);
        var body = """{"correlationId": "lead-5", "eventId": "crm-busy-1", "payload": {"text": "yes"}}""";

        var whileHeld = await (await client.PostJsonAsync($"/api/events/{eventName}", body)).JsonAsync();
        await store.ReleaseAsync(waiting, otherNode);
        var again = await (await client.PostJsonAsync($"/api/events/{eventName}", body)).JsonAsync();

        Assert.Empty(whileHeld.Items("resumed"));
        Assert.Equal(waiting, Assert.Single(whileHeld.Items("busy")).GetString());
        Assert.Equal(waiting, Assert.Single(again.Items("resumed")).Text("id"));
        Assert.Empty(again.Items("busy"));
    }
}
