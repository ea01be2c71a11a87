using System.Text.Json.Nodes;
using SfaFlow.Workflows.Definitions;

namespace SfaFlow.Workflows.Tests.Support;

/// <summary>Builds small Elsa-format definitions for tests, in the JSON shape Elsa 3.6 writes.</summary>
public static class Wf
{
    public static JsonObject Literal(object? value, string typeName = "String") =>
        Wrapped("Literal", value is null ? null : JsonValue.Create(value), typeName);

    public static JsonObject Js(string script, string typeName = "Object") => Wrapped("JavaScript", script, typeName);

    public static JsonObject ObjectJson(string json, string typeName = "Object") => Wrapped("Object", json, typeName);

    private static JsonObject Wrapped(string type, JsonNode? value, string typeName) => new()
    {
        ["typeName"] = typeName,
        ["expression"] = new JsonObject { ["type"] = type, ["value"] = value },
    };

    /// <summary>An activity; <paramref name="properties"/> become its input keys.</summary>
    public static JsonObject Activity(string id, string type, JsonObject? properties = null, string? mergeMode = null, bool canStartWorkflow = false)
    {
        var activity = new JsonObject();
        foreach (var (key, value) in properties ?? [])
        {
            activity[key] = value?.DeepClone();
        }

        activity["id"] = id;
        activity["name"] = id;
        activity["type"] = type;
        activity["version"] = 1;
        var custom = new JsonObject { ["canStartWorkflow"] = canStartWorkflow };
        if (mergeMode is not null)
        {
            custom["mergeMode"] = mergeMode;
        }

        activity["customProperties"] = custom;
        return activity;
    }

    public static JsonObject Start(string id = "start") => Activity(id, "Elsa.Start");

    public static JsonObject End(string id = "end", string? mergeMode = null) => Activity(id, "Elsa.End", mergeMode: mergeMode);

    public static JsonObject WriteLine(string id, string text, string? mergeMode = null) =>
        Activity(id, "Elsa.WriteLine", new JsonObject { ["text"] = Literal(text) }, mergeMode);

    public static JsonObject WriteLineJs(string id, string script) =>
        Activity(id, "Elsa.WriteLine", new JsonObject { ["text"] = Js(script, "String") });

    public static JsonObject Decision(string id, string script) =>
        Activity(id, "Elsa.FlowDecision", new JsonObject { ["condition"] = Js(script, "Boolean") });

    public static JsonObject Join(string id, string mode) =>
        Activity(id, "Elsa.FlowJoin", new JsonObject { ["mode"] = Literal(mode, "Elsa.Workflows.Activities.Flowchart.Models.FlowJoinMode, Elsa.Workflows.Core") });

    public static JsonObject Delay(string id, string timeSpan) =>
        Activity(id, "Elsa.Delay", new JsonObject { ["timeSpan"] = Literal(timeSpan, "TimeSpan") });

    public static JsonObject Event(string id, string name) =>
        Activity(id, "Elsa.Event", new JsonObject { ["eventName"] = Literal(name) });

    public static JsonObject SetVariable(string id, string variableId, JsonObject value) =>
        Activity(id, "Elsa.SetVariable", new JsonObject
        {
            ["variable"] = new JsonObject { ["id"] = variableId, ["name"] = variableId, ["typeName"] = "Object" },
            ["value"] = value,
        });

    public static JsonObject Connect(string from, string to, string? port = "Done")
    {
        var source = new JsonObject { ["activity"] = from };
        if (port is not null)
        {
            source["port"] = port;
        }

        return new JsonObject { ["source"] = source, ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" } };
    }

    public static JsonObject Variable(string name, string typeName, string? value = null) => new()
    {
        ["id"] = name,
        ["name"] = name,
        ["typeName"] = typeName,
        ["value"] = value,
    };

    public static JsonObject Flowchart(string id, IEnumerable<JsonObject> activities, IEnumerable<JsonObject>? connections = null, IEnumerable<JsonObject>? variables = null) => new()
    {
        ["id"] = id,
        ["type"] = "Elsa.Flowchart",
        ["version"] = 1,
        ["activities"] = new JsonArray([.. activities.Select(a => a.DeepClone())]),
        ["connections"] = new JsonArray([.. (connections ?? []).Select(c => c.DeepClone())]),
        ["variables"] = new JsonArray([.. (variables ?? []).Select(v => v.DeepClone())]),
    };

    public static JsonObject FlowNode(string id, JsonObject body) => Activity(id, "Elsa.FlowNode", new JsonObject { ["body"] = body });

    /// <summary>A whole definition as JSON text.</summary>
    public static string Json(
        IEnumerable<JsonObject> activities,
        IEnumerable<JsonObject>? connections = null,
        IEnumerable<JsonObject>? variables = null,
        IEnumerable<JsonObject>? inputs = null,
        JsonObject? customProperties = null,
        JsonObject? options = null) => new JsonObject
        {
            ["id"] = "test-v1",
            ["definitionId"] = "test",
            ["name"] = "Test",
            ["version"] = 1,
            ["toolVersion"] = "3.6.0.0",
            ["variables"] = new JsonArray([.. (variables ?? []).Select(v => v.DeepClone())]),
            ["inputs"] = new JsonArray([.. (inputs ?? []).Select(i => i.DeepClone())]),
            ["outputs"] = new JsonArray(),
            ["customProperties"] = customProperties ?? [],
            ["options"] = options ?? [],
            ["root"] = Flowchart("flowchart1", activities, connections),
        }.ToJsonString();

    public static WorkflowDefinition Definition(
        IEnumerable<JsonObject> activities,
        IEnumerable<JsonObject>? connections = null,
        IEnumerable<JsonObject>? variables = null,
        IEnumerable<JsonObject>? inputs = null,
        JsonObject? customProperties = null,
        JsonObject? options = null) =>
        ElsaJsonReader.Read(Json(activities, connections, variables, inputs, customProperties, options)).GetDefinitionOrThrow();
}
