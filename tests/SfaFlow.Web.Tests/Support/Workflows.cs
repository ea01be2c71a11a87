using System.Text.Json.Nodes;
using SfaFlow.Workflows.Tests.Support;

namespace SfaFlow.Web.Tests.Support;

/// <summary>Small Elsa definitions with their own ids, so tests sharing a host never touch each other's workflows.</summary>
public static class Workflows
{
    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>An Elsa definition (Wf's shape) under the given definition id and name.</summary>
    public static string Definition(
        string definitionId,
        IEnumerable<JsonObject> activities,
        IEnumerable<JsonObject>? connections = null,
        IEnumerable<JsonObject>? variables = null,
        string? name = null)
    {
        var json = JsonNode.Parse(Wf.Json(activities, connections, variables))!.AsObject();
        json["definitionId"] = definitionId;
        json["id"] = definitionId + "-v1";
        json["name"] = name ?? definitionId;
        return json.ToJsonString();
    }

    /// <summary>Start, wait for <paramref name="delay"/>, then set the output <c>Done</c>.</summary>
    public static string Delayed(string definitionId, string delay = "01:00:00") => Definition(definitionId,
        [Wf.Start(), Wf.Delay("wait", delay), SetOutput("done", "Done", "yes")],
        [Wf.Connect("start", "wait"), Wf.Connect("wait", "done")]);

    /// <summary>Waits on a named event, then copies the payload's <c>text</c> into the variable <c>Reply</c>.</summary>
    public static string WaitsForEvent(string definitionId, string eventName) => Definition(definitionId,
        [Wf.Event("reply", eventName), SetVariableJs("keep", "Reply", "getOutputFrom('reply').text")],
        [Wf.Connect("reply", "keep")],
        [Wf.Variable("Reply", "String")]);

    public static JsonObject SetOutput(string id, string output, string value) => Wf.Activity(id, "Elsa.SetOutput", new JsonObject
    {
        ["outputName"] = Wf.Literal(output),
        ["outputValue"] = Wf.Literal(value, "Object"),
    });

    public static JsonObject SetVariableJs(string id, string variable, string script) => Wf.Activity(id, "Elsa.SetVariable", new JsonObject
    {
        ["variable"] = new JsonObject { ["id"] = variable, ["name"] = variable, ["typeName"] = "Object" },
        ["value"] = Wf.Js(script),
    });
}
