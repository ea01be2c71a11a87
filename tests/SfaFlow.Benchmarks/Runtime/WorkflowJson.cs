using System.Text.Json.Nodes;

namespace SfaFlow.Benchmarks.Runtime;

/// <summary>Pieces of Elsa 3.6 workflow JSON for the harness's small workflows.</summary>
internal static class WorkflowJson
{
    public static JsonObject Activity(string id, string type, JsonObject inputs)
    {
        inputs["id"] = id;
        inputs["name"] = id;
        inputs["type"] = type;
        inputs["version"] = 1;
        return inputs;
    }

    public static JsonObject Expression(string type, string value, string typeName) =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = type, ["value"] = value } };

    public static JsonObject Connect(string from, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = "Done" },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };
}
