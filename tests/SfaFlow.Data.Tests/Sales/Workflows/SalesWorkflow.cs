using System.Text.Json.Nodes;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Definitions;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Data.Tests.Sales.Workflows;

/// <summary>Publishes a one-activity workflow (start, the activity, a marker on each named port) and runs it for a record.</summary>
internal static class SalesWorkflow
{
    public static async Task<WorkflowInstance> RunAsync(SalesHost host, string correlationId, JsonObject activity, params string[] ports)
    {
        var id = activity["id"]!.GetValue<string>();
        var markers = ports.Select(p => SetVariable($"on-{p}", "port", Literal(p))).ToList();
        var json = Json(
            [Start(), activity, .. markers],
            [Connect("start", id), .. ports.Select(p => Connect(id, $"on-{p}", p))],
            [Variable("port", "String")]);
        var definition = ElsaJsonReader.Read(json).GetDefinitionOrThrow();
        await host.Get<WorkflowDefinitionManager>().ImportAsync(definition, publish: true);
        return await host.Get<WorkflowRuntime>().StartAsync("test", new StartRequest { CorrelationId = correlationId });
    }

    /// <summary>The port the run continued on (the marker it reached).</summary>
    public static string? Port(this WorkflowInstance instance) =>
        instance.Variables.GetValueOrDefault("port")?.ToString();

    public static object? OutputOf(this WorkflowInstance instance, string activityId, string output) =>
        instance.ActivityOutputs.TryGetValue(activityId, out var outputs) ? outputs.GetValueOrDefault(output) : null;
}
