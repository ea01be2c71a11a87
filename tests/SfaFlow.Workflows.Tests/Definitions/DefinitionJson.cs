using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;

namespace SfaFlow.Workflows.Tests.Definitions;

/// <summary>Small definitions for the definition tests, and the assertion most of them share.</summary>
public static class DefinitionJson
{
    /// <summary>A definition whose root flowchart (<c>Flowchart1</c>) holds the given activities and connections (JSON arrays).</summary>
    public static string Flowchart(string activities, string connections = "[]") =>
        $$"""{ "id": "w", "root": { "id": "Flowchart1", "type": "Elsa.Flowchart", "activities": {{activities}}, "connections": {{connections}} } }""";

    /// <summary>The only diagnostic of full validation, which must be an error that stops the definition.</summary>
    public static DefinitionDiagnostic SingleError(WorkflowEngine engine, string json)
    {
        var result = engine.Validate(json);
        Assert.False(result.Succeeded);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.True(diagnostic.IsError, diagnostic.ToString());
        return diagnostic;
    }
}
