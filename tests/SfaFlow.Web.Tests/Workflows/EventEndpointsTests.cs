using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;
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
}
