using System.Text.Json.Nodes;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Tests.Samples;
using SfaFlow.Workflows.Tests.Support;

namespace SfaFlow.Workflows.Tests.Definitions;

/// <summary>
/// Every Elsa sample survives read, write, read: the same model, the same text on a second write, every key of the source
/// file still there, and the written file in the shape Elsa 3.6 exports.
/// </summary>
public sealed class ElsaJsonRoundTripTests
{
    private const string ParentWithOutput = "wfdef-activities--parent-with-output.json";

    /// <summary>Activity keys whose value moves on write: pre-GA files kept them outside <c>customProperties</c>.</summary>
    private static readonly string[] RelocatedActivityKeys = ["canStartWorkflow", "runAsynchronously", "applicationProperties"];

    public static TheoryData<string> SampleFiles() => ElsaSampleTests.SampleFiles();

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void RoundTrip_Sample_SecondWriteIsIdenticalText(string file)
    {
        var written = ElsaJsonWriter.Write(Read(File.ReadAllText(SamplePath(file))));

        var rewritten = ElsaJsonWriter.Write(Read(written));

        Assert.Equal(written, rewritten);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void RoundTrip_Sample_KeepsEveryStructuralFact(string file)
    {
        var original = Read(File.ReadAllText(SamplePath(file)));

        var copy = Read(ElsaJsonWriter.Write(original));

        Assert.Equal(DefinitionFacts.Of(original), DefinitionFacts.Of(copy));
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Write_Sample_KeepsEveryActivityKeyOfTheSourceFile(string file)
    {
        // Checked against the source text itself, not against what the reader made of it.
        var source = Activities(ParseFile(file)).ToList();
        var written = Activities(Written(file)).ToDictionary(a => (string)a["id"]!);

        Assert.Equal(source.Select(a => (string)a["id"]!), written.Keys);
        foreach (var activity in source)
        {
            var copy = written[(string)activity["id"]!];
            foreach (var (key, value) in activity)
            {
                if (RelocatedActivityKeys.Contains(key) || key is "activities" or "connections" or "body" || (value is null && !copy.ContainsKey(key)))
                {
                    continue;
                }

                Assert.True(copy.ContainsKey(key), $"{file}: activity {activity["id"]} lost '{key}'.");
                if (key == "customProperties")
                {
                    Assert.All(value!.AsObject(), p => Assert.True(JsonNode.DeepEquals(p.Value, copy[key]![p.Key]), $"{file}: {activity["id"]}.customProperties.{p.Key}"));
                }
                else
                {
                    Assert.True(JsonNode.DeepEquals(value, copy[key]), $"{file}: activity {activity["id"]}.{key} changed from {value?.ToJsonString()} to {copy[key]?.ToJsonString()}.");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Write_Sample_KeepsEveryConnectionWithItsPorts(string file)
    {
        static List<string> Edges(JsonObject document) => [.. Flowcharts(document).SelectMany(f => f["connections"]?.AsArray() ?? []).Select(c => c is null ? "" :
            c["source"] is JsonObject source
                ? $"{source["activity"]}:{source["port"]} -> {c["target"]!["activity"]}:{c["target"]!["port"]}"
                : $"{c["source"]}:{c["sourcePort"]} -> {c["target"]}:{c["targetPort"]}")];

        Assert.Equal(Edges(ParseFile(file)), Edges(Written(file)));
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Write_Sample_HasTheElsa36Shape(string file)
    {
        var written = Written(file);

        Assert.Equal(ElsaJsonWriter.SchemaUrl, (string?)written["$schema"]);
        Assert.All(Flowcharts(written).SelectMany(f => f["connections"]!.AsArray()), connection =>
        {
            Assert.Equal(["source", "target"], connection!.AsObject().Select(p => p.Key).Where(k => k != "vertices"));
            Assert.IsType<string>((string?)connection["source"]!["activity"]);
            Assert.IsType<string>((string?)connection["target"]!["activity"]);
        });
        Assert.All(Activities(written), activity =>
        {
            Assert.DoesNotContain("applicationProperties", activity.Select(p => p.Key));
            Assert.DoesNotContain("canStartWorkflow", activity.Select(p => p.Key));
            Assert.DoesNotContain("runAsynchronously", activity.Select(p => p.Key));
            Assert.IsType<JsonObject>(activity["customProperties"]);
        });
        Assert.All(StructuralKeys(written), key => Assert.True(key[0] == '$' || !char.IsUpper(key[0]), $"{file}: key '{key}' is not camelCase."));
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Write_SampleWithTopLevelCanStartWorkflow_MovesItUnderCustomProperties(string file)
    {
        var written = Activities(Written(file)).ToDictionary(a => (string)a["id"]!);

        foreach (var activity in Activities(ParseFile(file)))
        {
            var expected = activity["customProperties"]?["canStartWorkflow"] ?? activity["canStartWorkflow"];
            if (expected is not null)
            {
                Assert.True(JsonNode.DeepEquals(expected, written[(string)activity["id"]!]["customProperties"]!["canStartWorkflow"]), $"{file}: {activity["id"]}");
            }
        }
    }

    [Fact]
    public void RoundTrip_UnknownActivityType_KeepsItsRawJsonAndConnections()
    {
        var definition = Read(ElsaJsonWriter.Write(Read(File.ReadAllText(SamplePath(ParentWithOutput)))));

        var child = definition.Root.Flowchart!.Activities[0];
        Assert.Equal(("c98383464dab2047", "ChildWithOutput", "ChildWithOutput1", 4), (child.Id, child.Type, child.Name, child.Version));
        Assert.Equal(
            ["workflowDefinitionId", "workflowDefinitionVersionId", "latestAvailablePublishedVersion", "latestAvailablePublishedVersionId", "nodeId"],
            child.Properties.Keys);
        Assert.Equal("5781ed56ea4b160", child.Properties.GetString("workflowDefinitionId"));
        Assert.Equal("4da8180d0c9f7e3f", child.Properties.GetString("workflowDefinitionVersionId"));
        Assert.Equal(4, child.Properties["latestAvailablePublishedVersion"].GetInt32());
        Assert.Equal(-323.5, child.Metadata["designer"].GetProperty("position").GetProperty("x").GetDouble());
        var connection = Assert.Single(definition.Root.Flowchart.Connections);
        Assert.Equal(new Endpoint("c98383464dab2047", "Done"), connection.Source);
        Assert.Equal(new Endpoint("b4f314dce11c7135", "In"), connection.Target);
    }

    [Fact]
    public void Validate_UnknownActivityType_WarnsAtItsTypeWithoutError()
    {
        using var engine = new TestEngine();

        var result = engine.Engine.Validate(File.ReadAllText(SamplePath(ParentWithOutput)));

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("$.root.activities[0].type", warning.Path);
        Assert.Equal("Activity 'c98383464dab2047' has type 'ChildWithOutput', which no built-in activity, workflow or loaded plugin provides; it is kept as written, and a run that reaches it faults.", warning.Message);
    }

    [Fact]
    public async Task Run_UnknownActivityType_FaultsNamingTheType()
    {
        using var engine = new TestEngine();

        var instance = await engine.StartAsync(Read(File.ReadAllText(SamplePath(ParentWithOutput))));

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("c98383464dab2047", incident.ActivityId);
        Assert.Contains("ChildWithOutput", incident.Message, StringComparison.Ordinal);
    }

    private static WorkflowDefinition Read(string json)
    {
        var result = ElsaJsonReader.Read(json);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Definition!;
    }

    private static string SamplePath(string file) => Path.Combine(SharedFolder.ElsaSamples, file);

    private static JsonObject ParseFile(string file) => JsonNode.Parse(File.ReadAllText(SamplePath(file)))!.AsObject();

    private static JsonObject Written(string file) =>
        JsonNode.Parse(ElsaJsonWriter.Write(Read(File.ReadAllText(SamplePath(file)))))!.AsObject();

    /// <summary>Every activity object of a definition file: the root, flowchart children and container bodies.</summary>
    private static List<JsonObject> Activities(JsonObject document)
    {
        var pending = new Stack<JsonObject>([document["root"]!.AsObject()]);
        var all = new List<JsonObject>();
        while (pending.TryPop(out var activity))
        {
            all.Add(activity);
            if (activity["body"] is JsonObject body)
            {
                pending.Push(body);
            }

            foreach (var child in (activity["activities"] as JsonArray ?? []).Reverse())
            {
                pending.Push(child!.AsObject());
            }
        }

        return all;
    }

    private static IEnumerable<JsonObject> Flowcharts(JsonObject document) =>
        Activities(document).Where(a => (string?)a["type"] == "Elsa.Flowchart");

    /// <summary>Keys of the objects whose schema Elsa fixes: definition, activities, connections, variables, declarations.</summary>
    private static IEnumerable<string> StructuralKeys(JsonObject document)
    {
        IEnumerable<JsonObject> Objects(JsonNode? array) => (array as JsonArray ?? []).OfType<JsonObject>();
        var objects = new List<JsonObject> { document };
        objects.AddRange(Objects(document["variables"]).Concat(Objects(document["inputs"])).Concat(Objects(document["outputs"])));
        foreach (var activity in Activities(document))
        {
            objects.Add(activity);
            objects.AddRange(Objects(activity["variables"]));
            foreach (var connection in Objects(activity["connections"]))
            {
                objects.AddRange([connection, connection["source"]!.AsObject(), connection["target"]!.AsObject()]);
            }
        }

        return objects.SelectMany(o => o.Select(p => p.Key));
    }
}
