namespace SfaFlow.Workflows.Tests.Cli;

/// <summary>Builds small Elsa 3 workflow JSON for the CLI tests, so each test shows the graph it runs.</summary>
public static class TestWorkflows
{
    public static string Flowchart(string[] activities, params string[] connections) => $$"""
        {
          "id": "cli-test-v1",
          "definitionId": "cli-test",
          "name": "CliTest",
          "toolVersion": "3.6.0.0",
          "root": {
            "id": "Flowchart1",
            "type": "Elsa.Flowchart",
            "activities": [
              {{string.Join(",\n      ", activities)}}
            ],
            "connections": [
              {{string.Join(",\n      ", connections)}}
            ]
          }
        }
        """;

    public static string WriteLine(string id, string text) =>
        $$"""{ "id": "{{id}}", "name": "{{id}}", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "{{text}}" } } }""";

    public static string WriteLineScript(string id, string script) =>
        $$"""{ "id": "{{id}}", "name": "{{id}}", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "JavaScript", "value": "{{script}}" } } }""";

    public static string Delay(string id, string timeSpan) =>
        $$"""{ "id": "{{id}}", "name": "{{id}}", "type": "Elsa.Delay", "timeSpan": { "typeName": "TimeSpan", "expression": { "type": "Literal", "value": "{{timeSpan}}" } } }""";

    public static string Event(string id, string eventName) =>
        $$"""{ "id": "{{id}}", "name": "{{id}}", "type": "Elsa.Event", "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "{{eventName}}" } } }""";

    public static string Start(string id = "Start1") => $$"""{ "id": "{{id}}", "name": "{{id}}", "type": "Elsa.Start" }""";

    public static string Connect(string source, string target, string port = "Done") =>
        $$"""{ "source": { "activity": "{{source}}", "port": "{{port}}" }, "target": { "activity": "{{target}}", "port": "In" } }""";
}
