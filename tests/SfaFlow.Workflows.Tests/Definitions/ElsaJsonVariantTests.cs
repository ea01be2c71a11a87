using System.Text;
using System.Text.Json.Nodes;
using SfaFlow.Workflows.Compilation;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Workflows.Tests.Definitions.DefinitionJson;

namespace SfaFlow.Workflows.Tests.Definitions;

/// <summary>The shapes older Elsa 3 versions wrote, each read into the same model as the 3.6 shape.</summary>
public sealed class ElsaJsonVariantTests
{
    private const string TimerSample = "import-and-publish--timer-workflow.json";

    [Fact]
    public void Read_FlatLegacyConnections_ReadsActivitiesAndPorts()
    {
        var definition = Read(Flowchart(
            """[{ "id": "a", "type": "Elsa.FlowDecision" }, { "id": "b", "type": "Elsa.WriteLine" }, { "id": "c", "type": "Elsa.WriteLine" }]""",
            """
            [{ "source": "a", "target": "b", "sourcePort": "True", "targetPort": "In" },
             { "source": "b", "target": "c" }]
            """));

        var connections = definition.Root.Flowchart!.Connections;
        Assert.Equal(2, connections.Count);
        Assert.Equal(new Connection(new Endpoint("a", "True"), new Endpoint("b", "In")), connections[0]);
        Assert.Equal(new Connection(new Endpoint("b", null), new Endpoint("c", null)), connections[1]);
    }

    [Fact]
    public void Write_FlatLegacyConnections_WritesNestedEndpoints()
    {
        var definition = Read(Flowchart(
            """[{ "id": "a", "type": "Elsa.FlowDecision" }, { "id": "b", "type": "Elsa.WriteLine" }]""",
            """[{ "source": "a", "target": "b", "sourcePort": "True", "targetPort": "In" }]"""));

        var connection = JsonNode.Parse(ElsaJsonWriter.Write(definition))!["root"]!["connections"]![0]!;

        Assert.Equal("""{"source":{"activity":"a","port":"True"},"target":{"activity":"b","port":"In"}}""", connection.ToJsonString());
    }

    [Fact]
    public void Read_StringStartingWithByteOrderMark_ReadsTheDefinition()
    {
        var json = File.ReadAllText(Path.Combine(SharedFolder.ElsaSamples, TimerSample));

        var result = ElsaJsonReader.Read("\uFEFF" + json);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Contains(result.Definition!.Root.Flowchart!.Activities, a => a.Type == "Elsa.Timer" && a.CanStartWorkflow);
    }

    [Fact]
    public void Read_BytesStartingWithByteOrderMark_ReadsTheDefinition()
    {
        var bytes = File.ReadAllBytes(Path.Combine(SharedFolder.ElsaSamples, TimerSample));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        var result = ElsaJsonReader.Read(bytes);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal(
            DefinitionFacts.Of(ElsaJsonReader.Read(Encoding.UTF8.GetString(bytes.AsSpan(3))).Definition!),
            DefinitionFacts.Of(result.Definition!));
    }

    [Fact]
    public void Read_PascalCaseKeys_ReadsEveryPart()
    {
        const string json = """
            {
              "Id": "v1", "DefinitionId": "d1", "Name": "Pascal", "Version": 2, "ToolVersion": "3.0.0.0",
              "Variables": [{ "Id": "var1", "Name": "Counter", "TypeName": "Int32", "Value": "3" }],
              "Inputs": [{ "Name": "Message", "Type": "String", "DisplayName": "Message" }],
              "Options": { "UsableAsActivity": true },
              "Root": {
                "Id": "Flowchart1", "Type": "Elsa.Flowchart",
                "Activities": [
                  { "Id": "Start1", "Type": "Elsa.Start", "CustomProperties": { "CanStartWorkflow": true } },
                  { "Id": "WriteLine1", "Type": "Elsa.WriteLine", "Name": "Hello",
                    "Text": { "TypeName": "String", "Expression": { "Type": "Literal", "Value": "Hello" } } }
                ],
                "Connections": [{ "Source": { "Activity": "Start1", "Port": "Done" }, "Target": { "Activity": "WriteLine1", "Port": "In" } }]
              }
            }
            """;

        var definition = Read(json);

        Assert.Equal(("v1", "d1", "Pascal", 2, "3.0.0.0"), (definition.Id, definition.DefinitionId, definition.Name, definition.Version, definition.ToolVersion));
        var variable = Assert.Single(definition.Variables);
        Assert.Equal(("var1", "Counter", "Int32", "3"), (variable.Id, variable.Name, variable.TypeName, variable.Value?.GetString()));
        var input = Assert.Single(definition.Inputs);
        Assert.Equal(("Message", "String"), (input.Name, input.Type));
        Assert.Equal(["Start1", "WriteLine1"], definition.Root.Flowchart!.Activities.Select(a => a.Id));
        Assert.True(definition.Root.Flowchart.Activities[0].CanStartWorkflow);
        Assert.Equal("Hello", definition.Root.Flowchart.Activities[1].Name);
        Assert.Equal(new Connection(new Endpoint("Start1", "Done"), new Endpoint("WriteLine1", "In")), Assert.Single(definition.Root.Flowchart.Connections));
    }

    [Fact]
    public async Task Run_PascalCaseKeys_RunsLikeTheCamelCaseShape()
    {
        using var engine = new TestEngine();
        var definition = Read(Flowchart(
            """
            [{ "Id": "Start1", "Type": "Elsa.Start" },
             { "Id": "WriteLine1", "Type": "Elsa.WriteLine", "Text": { "TypeName": "String", "Expression": { "Type": "JavaScript", "Value": "'Hi ' + 1" } } }]
            """,
            """[{ "Source": { "Activity": "Start1", "Port": "Done" }, "Target": { "Activity": "WriteLine1", "Port": "In" } }]"""));

        Assert.DoesNotContain(engine.Engine.Validate(definition), d => d.IsError);
        await engine.RunUntilEndAsync(definition);

        Assert.Equal(["Hi 1"], engine.Lines.Lines);
    }

    [Fact]
    public void Write_PascalCaseKeys_WritesThe36Spelling()
    {
        var definition = Read("""
            {
              "Id": "v1", "Options": { "UsableAsActivity": true }, "Inputs": [{ "Name": "Message", "Type": "String" }],
              "Root": { "Id": "f", "Type": "Elsa.Flowchart", "Activities": [
                { "Id": "w", "Type": "Elsa.WriteLine", "CustomProperties": { "CanStartWorkflow": true, "MyKey": 1 },
                  "Text": { "TypeName": "String", "Expression": { "Type": "Object", "Value": { "KeepMe": 1 } }, "MemoryReference": { "Id": "m" } } }
              ] }
            }
            """);

        var written = JsonNode.Parse(ElsaJsonWriter.Write(definition))!;

        Assert.Equal("""{"usableAsActivity":true}""", written["options"]!.ToJsonString());
        Assert.Equal("""[{"name":"Message","type":"String"}]""", written["inputs"]!.ToJsonString());
        var activity = written["root"]!["activities"]![0]!;
        Assert.Equal("""{"canStartWorkflow":true,"MyKey":1}""", activity["customProperties"]!.ToJsonString());
        Assert.Equal(
            """{"typeName":"String","expression":{"type":"Object","value":{"KeepMe":1}},"memoryReference":{"id":"m"}}""",
            activity["text"]!.ToJsonString());
    }

    [Fact]
    public void Read_MemoryReferenceOnInputs_KeepsItAndValidates()
    {
        using var engine = new TestEngine();
        const string text = """{"typeName":"String","expression":{"type":"Literal","value":"Done"},"memoryReference":{"id":"WriteLine1:input-1"}}""";
        var definition = Read(Flowchart($$"""[{ "id": "WriteLine1", "type": "Elsa.WriteLine", "text": {{text}} }]"""));

        Assert.Empty(engine.Engine.Validate(definition));
        Assert.Equal(text, DefinitionFacts.Text(definition.Root.Flowchart!.Activities[0].Properties["text"]));
        var copy = Read(ElsaJsonWriter.Write(definition));
        Assert.Equal(text, DefinitionFacts.Text(copy.Root.Flowchart!.Activities[0].Properties["text"]));
    }

    [Fact]
    public void Read_TopLevelCanStartWorkflow_MovesItUnderCustomProperties()
    {
        var definition = Read(Flowchart("""[{ "id": "t", "type": "Elsa.Timer", "canStartWorkflow": true, "runAsynchronously": false, "customProperties": {} }]"""));

        var timer = definition.Root.Flowchart!.Activities[0];
        Assert.True(timer.CanStartWorkflow);
        Assert.Equal(["canStartWorkflow", "runAsynchronously"], timer.CustomProperties.Keys);
        Assert.Empty(timer.Properties);
    }

    [Theory]
    [InlineData("true", "false", false)]
    [InlineData("false", "true", true)]
    [InlineData("true", "\"false\"", false)]
    public void Read_CanStartWorkflowInBothPlaces_CustomPropertiesWins(string topLevel, string custom, bool expected)
    {
        var definition = Read(Flowchart(
            $$"""[{ "id": "t", "type": "Elsa.Timer", "canStartWorkflow": {{topLevel}}, "customProperties": { "canStartWorkflow": {{custom}} } }]"""));

        var timer = definition.Root.Flowchart!.Activities[0];
        Assert.Equal(expected, timer.CanStartWorkflow);
        Assert.Single(timer.CustomProperties);
    }

    [Fact]
    public void Read_ApplicationProperties_MergesThemUnderCustomProperties()
    {
        var definition = Read("""
            { "root": { "id": "f", "type": "Elsa.Flowchart", "start": "s",
                        "applicationProperties": { "NotFoundConnectionsKey": [], "mergeMode": "Stream" },
                        "customProperties": { "mergeMode": "Merge" } } }
            """);

        Assert.Equal(["mergeMode", "NotFoundConnectionsKey"], definition.Root.CustomProperties.Keys);
        Assert.Equal("Merge", definition.Root.MergeMode);
        Assert.Equal(["start"], definition.Root.Properties.Keys);
    }

    [Theory]
    [InlineData("Elsa.Workflows.Core.Activities.Flowchart.Models.FlowJoinMode, Elsa.Workflows.Core")]
    [InlineData("Elsa.Workflows.Activities.Flowchart.Models.FlowJoinMode, Elsa.Workflows.Core")]
    [InlineData("FlowJoinMode")]
    public void Read_EnumTypeNameOfAnyEra_CompilesTheJoinMode(string typeName)
    {
        using var engine = new TestEngine();
        var definition = Read(Flowchart(
            $$"""[{ "id": "j", "type": "Elsa.FlowJoin", "mode": { "typeName": "{{typeName}}", "expression": { "type": "Literal", "value": "WaitAll" } } }]"""));

        var plan = engine.Engine.Prepare(definition);

        Assert.Equal(JoinMode.WaitAll, plan.Root.Flowchart!.Activities[0].JoinMode);
    }

    [Theory]
    [InlineData("Int32")]
    [InlineData("System.Int32, System.Private.CoreLib")]
    public async Task Start_VariableWithTypeNameOfAnyEra_ConvertsTheInitialValue(string typeName)
    {
        using var engine = new TestEngine();
        var definition = Read($$"""
            { "variables": [{ "id": "v", "name": "Counter", "typeName": "{{typeName}}", "value": "41" }],
              "root": { "id": "f", "type": "Elsa.Flowchart", "activities": [
                { "id": "s", "type": "Elsa.SetVariable", "variable": { "id": "v" },
                  "value": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "getCounter() + 1" } } } ] } }
            """);

        var instance = await engine.RunUntilEndAsync(definition);

        Assert.Equal(42, instance.Variables["v"]);
    }

    private static WorkflowDefinition Read(string json)
    {
        var result = ElsaJsonReader.Read(json);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Definition!;
    }
}
