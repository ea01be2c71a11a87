using System.Net;
using System.Text.Json;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.EndToEnd;

/// <summary>
/// The issue's runaway, sent over HTTP to the real host: an admin imports a workflow whose Elsa.SetVariable connects back
/// to itself, triggered on Sfa.LeadCreated, and leads are created. The loop ends Faulted with an incident naming it, and
/// a lead created after it still gets its qualification workflow.
/// </summary>
public sealed class RunawayWorkflowTests
{
    private const string SpinOnLead = """
        {
          "id": "spin-on-lead-v1", "definitionId": "spin-on-lead", "name": "Spin on lead", "version": 1, "toolVersion": "3.6.0.0",
          "variables": [{"id": "n", "name": "n", "typeName": "Object"}],
          "root": {
            "id": "flowchart1", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              {"id": "created", "type": "Sfa.LeadCreated", "version": 1, "customProperties": {"canStartWorkflow": true}},
              {"id": "spin", "type": "Elsa.SetVariable", "version": 1,
               "variable": {"id": "n", "name": "n", "typeName": "Object"},
               "value": {"typeName": "Object", "expression": {"type": "JavaScript", "value": "(getVariable('n') ?? 0) + 1"}}}
            ],
            "connections": [
              {"source": {"activity": "created", "port": "Done"}, "target": {"activity": "spin", "port": "In"}},
              {"source": {"activity": "spin", "port": "Done"}, "target": {"activity": "spin", "port": "In"}}
            ]
          }
        }
        """;

    [Fact]
    public async Task ALoopTriggeredByNewLeads_EndsFaultedWithItsIncident_AndTheNextLeadStillGetsQualified()
    {
        await using var world = await SalesWorld.StartAsync("lead-qualification.json");
        var imported = await world.Admin.PostJsonAsync("/api/workflow-definitions/import", SpinOnLead);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());

        var first = await CreateLeadAsync(world, "Ada Lovelace");
        var second = await CreateLeadAsync(world, "Grace Hopper");

        var spinning = await world.UntilInstanceAsync("spin-on-lead", $"lead:{first}", "Faulted");
        await world.UntilAsync(async () => (await world.InstancesAsync("lead-qualification", $"lead:{second}")).Count == 1, "the second lead's qualification");
        var details = await (await world.Admin.GetAsync($"/api/workflow-instances/{spinning.Text("id")}")).JsonAsync();
        var incident = Assert.Single(details.Items("incidents"));
        Assert.Equal(("BurstBudget", "spin"), (incident.Text("kind"), incident.Text("activityId")));
        Assert.Contains("'spin' (Elsa.SetVariable)", incident.Text("message"), StringComparison.Ordinal);
    }

    private static async Task<long> CreateLeadAsync(SalesWorld world, string name)
    {
        var body = JsonSerializer.Serialize(new { name, company = "Engines Ltd", email = $"{name.Split(' ')[0].ToLowerInvariant()}@example.org", source = "Web" });
        return (await (await world.Admin.PostJsonAsync("/api/leads", body)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }
}
