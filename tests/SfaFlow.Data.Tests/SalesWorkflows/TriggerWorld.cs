using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Definitions;
using SfaFlow.Workflows.Runtime.Instances;
using SfaFlow.Workflows.Tests.Support;

namespace SfaFlow.Data.Tests.SalesWorkflows;

/// <summary>The sales services with the runtime: publish SFA workflows, make record changes, hand their events over.</summary>
internal sealed class TriggerWorld(SalesHost host)
{
    private long _dispatchedUpTo;

    public SalesHost Host => host;

    public WorkflowRuntime Runtime => host.Get<WorkflowRuntime>();

    /// <summary>Publishes an Elsa definition (Wf's shape) under the id.</summary>
    public async Task PublishAsync(string definitionId, IEnumerable<JsonObject> activities, IEnumerable<JsonObject>? connections = null, IEnumerable<JsonObject>? variables = null)
    {
        var json = JsonNode.Parse(Wf.Json(activities, connections, variables))!.AsObject();
        (json["definitionId"], json["id"], json["name"]) = (definitionId, definitionId + "-v1", definitionId);
        var definition = ElsaJsonReader.Read(json.ToJsonString()).GetDefinitionOrThrow();
        await host.Get<WorkflowDefinitionManager>().ImportAsync(definition, publish: true);
    }

    /// <summary>Hands the events committed since the last call to the runtime, in order, as the outbox dispatcher does.</summary>
    public async Task DispatchAsync()
    {
        await using var db = await host.Get<IDbContextFactory<SfaFlowDbContext>>().CreateDbContextAsync();
        foreach (var message in await db.OutboxMessages.AsNoTracking().Where(m => m.Id > _dispatchedUpTo).OrderBy(m => m.Id).ToListAsync())
        {
            using var payload = JsonDocument.Parse(message.Payload);
            await Runtime.DispatchEventAsync(message.Name, message.CorrelationId, payload.RootElement, message.EventId);
            _dispatchedUpTo = message.Id;
        }
    }

    /// <summary>Every instance of the definition, with its state.</summary>
    public async Task<IReadOnlyList<WorkflowInstance>> InstancesAsync(string definitionId)
    {
        var store = host.Get<IWorkflowInstanceStore>();
        var page = await store.ListAsync(new InstanceQuery(PageSize: 500, DefinitionId: definitionId));
        var instances = new List<WorkflowInstance>();
        foreach (var summary in page.Items)
        {
            instances.Add((await store.FindAsync(summary.Id))!.Instance);
        }

        return instances;
    }

    public static JsonObject SetVariableJs(string id, string variable, string script) => Wf.Activity(id, "Elsa.SetVariable", new JsonObject
    {
        ["variable"] = new JsonObject { ["id"] = variable, ["name"] = variable, ["typeName"] = "Object" },
        ["value"] = Wf.Js(script),
    });
}
