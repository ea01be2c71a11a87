using System.Text.Json.Nodes;
using SfaFlow.Workflows.Definitions;
using static SfaFlow.Benchmarks.Runtime.WorkflowJson;

namespace SfaFlow.Benchmarks.Runtime;

/// <summary>
/// The resume benchmark's workflow, in Elsa 3.6 JSON: Start, wait for the <c>Go</c> event, record the event's payload in a
/// variable, End. Resuming runs three activities and finishes the instance.
/// </summary>
internal static class WaitWorkflow
{
    public static WorkflowDefinition Create()
    {
        var json = new JsonObject
        {
            ["id"] = "wait-for-go-v1",
            ["definitionId"] = DurableHost.WaitDefinitionId,
            ["name"] = "Wait for go",
            ["version"] = 1,
            ["toolVersion"] = "3.6.0.0",
            ["variables"] = new JsonArray(new JsonObject { ["id"] = "Approved", ["name"] = "Approved", ["typeName"] = "Object" }),
            ["root"] = new JsonObject
            {
                ["id"] = "flowchart1",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["activities"] = new JsonArray(
                    Activity("start", "Elsa.Start", []),
                    Activity("wait", "Elsa.Event", new() { ["eventName"] = Expression("Literal", "Go", "String") }),
                    Activity("record", "Elsa.SetVariable", new()
                    {
                        ["variable"] = new JsonObject { ["id"] = "Approved", ["name"] = "Approved", ["typeName"] = "Object" },
                        ["value"] = Expression("JavaScript", "getOutputFrom('wait')", "Object"),
                    }),
                    Activity("end", "Elsa.End", [])),
                ["connections"] = new JsonArray(Connect("start", "wait"), Connect("wait", "record"), Connect("record", "end")),
            },
        };
        return ElsaJsonReader.Read(json.ToJsonString()).GetDefinitionOrThrow();
    }
}
