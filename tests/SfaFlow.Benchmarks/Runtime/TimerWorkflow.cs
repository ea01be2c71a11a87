using System.Text.Json.Nodes;
using SfaFlow.Workflows.Definitions;
using static SfaFlow.Benchmarks.Runtime.WorkflowJson;

namespace SfaFlow.Benchmarks.Runtime;

/// <summary>
/// The timer-lateness workflow, in Elsa 3.6 JSON: Start, wait (<c>Elsa.StartAt</c>) until the moment given as the
/// <c>dueAt</c> input, End. The scheduler fires the timer; the StartAt activity's journal entry says when.
/// </summary>
internal static class TimerWorkflow
{
    public const string DefinitionId = "wait-until";
    public const string TimerActivityId = "at";

    public static WorkflowDefinition Create()
    {
        var json = new JsonObject
        {
            ["id"] = "wait-until-v1",
            ["definitionId"] = DefinitionId,
            ["name"] = "Wait until",
            ["version"] = 1,
            ["toolVersion"] = "3.6.0.0",
            ["root"] = new JsonObject
            {
                ["id"] = "flowchart1",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["activities"] = new JsonArray(
                    Activity("start", "Elsa.Start", []),
                    Activity(TimerActivityId, "Elsa.StartAt", new() { ["dateTime"] = Expression("JavaScript", "getInput('dueAt')", "DateTimeOffset") }),
                    Activity("end", "Elsa.End", [])),
                ["connections"] = new JsonArray(Connect("start", TimerActivityId), Connect(TimerActivityId, "end")),
            },
        };
        return ElsaJsonReader.Read(json.ToJsonString()).GetDefinitionOrThrow();
    }
}
