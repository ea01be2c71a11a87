using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Workflows.Tests.Definitions.DefinitionJson;

namespace SfaFlow.Workflows.Tests.Definitions;

/// <summary>
/// What validation reports for definitions that read but cannot run: unknown expression types, scripts that do not parse
/// (with line and column inside the script), literals that do not convert, bad cron, undeclared variables; unknown
/// activity types only warn.
/// </summary>
public sealed class WorkflowValidationDiagnosticTests : IDisposable
{
    private const string Supported = "use one of Literal, Object, Json, Variable, Input, JavaScript.";

    private readonly TestEngine _engine = new();

    [Theory]
    [InlineData("Liquid", "Expression type 'Liquid' is not supported by SfaFlow; " + Supported)]
    [InlineData("CSharp", "Expression type 'CSharp' is not supported by SfaFlow; " + Supported)]
    [InlineData("Foo", "Unknown expression type 'Foo'; " + Supported)]
    public void Validate_ExpressionTypeSfaFlowDoesNotRun_ReportsTheTypePath(string type, string message)
    {
        var diagnostic = SingleError(Flowchart($$"""[{ "id": "a", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "{{type}}", "value": "{{ "{{" }} x {{ "}}" }}" } } }]"""));

        Assert.Equal("$.root.activities[0].text.expression.type", diagnostic.Path);
        Assert.Equal(message, diagnostic.Message);
    }

    [Fact]
    public void Validate_JavaScriptThatDoesNotParse_ReportsLineAndColumnWithinTheScript()
    {
        const string script = "const a = 1;\\nconst b = a +;\\nreturn b;";

        var diagnostic = SingleError(Flowchart($$"""[{ "id": "a", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "JavaScript", "value": "{{script}}" } } }]"""));

        Assert.Equal("$.root.activities[0].text.expression.value", diagnostic.Path);
        Assert.Equal("JavaScript does not parse: Unexpected token ';'", diagnostic.Message);
        Assert.Equal((2, 14), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Validate_JavaScriptErrorInNestedFlowchart_ReportsTheNestedPath()
    {
        var diagnostic = SingleError(Flowchart("""
            [{ "id": "node", "type": "Elsa.FlowNode", "body": { "id": "inner", "type": "Elsa.Flowchart", "activities": [
               { "id": "d", "type": "Elsa.FlowDecision", "condition": { "typeName": "Boolean", "expression": { "type": "JavaScript", "value": "if (x) {\n  return 1\n" } } } ] } }]
            """));

        Assert.Equal("$.root.activities[0].body.activities[0].condition.expression.value", diagnostic.Path);
        Assert.Equal("JavaScript does not parse: Unexpected end of input", diagnostic.Message);
        Assert.Equal((3, 1), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Validate_JavaScriptNestedTooDeeply_ReportsItInsteadOfCrashing()
    {
        var script = new string('(', 50_000) + "1" + new string(')', 50_000);

        var diagnostic = SingleError(Flowchart($$"""[{ "id": "a", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "JavaScript", "value": "{{script}}" } } }]"""));

        Assert.Equal("$.root.activities[0].text.expression.value", diagnostic.Path);
        Assert.Equal("JavaScript does not parse: The script nests expressions or blocks too deeply to be parsed.", diagnostic.Message);
    }

    [Fact]
    public async Task Validate_JavaScriptStartingWithHashbang_IsValidAndRuns()
    {
        var definition = ElsaJsonReader.Read(Flowchart("""[{ "id": "a", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "JavaScript", "value": "#!/usr/bin/env node\n'hi'" } } }]""")).GetDefinitionOrThrow();

        Assert.Empty(_engine.Engine.Validate(definition));
        await _engine.RunUntilEndAsync(definition);
        Assert.Equal(["hi"], _engine.Lines.Lines);
    }

    [Fact]
    public void Validate_DelayWithIsoDuration_SaysWhichFormatIsExpected()
    {
        var diagnostic = SingleError(Flowchart("""[{ "id": "d", "type": "Elsa.Delay", "timeSpan": { "typeName": "TimeSpan", "expression": { "type": "Literal", "value": "PT1M" } } }]"""));

        Assert.Equal("$.root.activities[0].timeSpan.expression.value", diagnostic.Path);
        Assert.Equal("Cannot read 'PT1M' as TimeSpan ([d.]hh:mm:ss, e.g. 00:05:00): String 'PT1M' was not recognized as a valid TimeSpan.", diagnostic.Message);
    }

    [Theory]
    [InlineData("0 * * * *", 5)]
    [InlineData("every hour", 2)]
    public void Validate_CronWithoutSixFields_IsAnError(string cron, int fields)
    {
        var diagnostic = SingleError(Flowchart($$"""[{ "id": "c", "type": "Elsa.Cron", "cronExpression": { "typeName": "String", "expression": { "type": "Literal", "value": "{{cron}}" } } }]"""));

        Assert.Equal("$.root.activities[0].cronExpression.expression.value", diagnostic.Path);
        Assert.Equal($"Error when parsing cron expression '{cron}': it has {fields} fields; SfaFlow (like Elsa) needs six, seconds first, e.g. '0 0 8 * * 1-5' for 08:00 on weekdays.", diagnostic.Message);
    }

    [Fact]
    public void Validate_CronWithAnOutOfRangeField_ExplainsWhich()
    {
        var diagnostic = SingleError(Flowchart("""[{ "id": "c", "type": "Elsa.Cron", "cronExpression": { "typeName": "String", "expression": { "type": "Literal", "value": "61 0 * * * *" } } }]"""));

        Assert.Contains("Seconds", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CronWithSixFields_IsValid()
    {
        var result = _engine.Engine.Validate(Flowchart("""[{ "id": "c", "type": "Elsa.Cron", "cronExpression": { "typeName": "String", "expression": { "type": "Literal", "value": "0 0 * * * *" } } }]"""));

        Assert.True(result.Succeeded);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Validate_SetVariableOfUndeclaredVariable_ReportsTheVariableId()
    {
        var diagnostic = SingleError(Flowchart("""[{ "id": "s", "type": "Elsa.SetVariable", "variable": { "id": "nope", "name": "Nope" }, "value": { "typeName": "Object", "expression": { "type": "Literal", "value": "1" } } }]"""));

        Assert.Equal("$.root.activities[0].variable.id", diagnostic.Path);
        Assert.Equal("Variable 'nope' is not declared by the workflow or an enclosing flowchart.", diagnostic.Message);
    }

    [Fact]
    public void Validate_OutputBoundToUndeclaredVariable_ReportsTheBinding()
    {
        var diagnostic = SingleError(Flowchart("""[{ "id": "e", "type": "Elsa.Event", "eventName": "go", "result": { "typeName": "Object", "memoryReference": { "id": "nope" } } }]"""));

        Assert.Equal("$.root.activities[0].result.memoryReference", diagnostic.Path);
        Assert.Equal("Output 'result' is bound to variable 'nope', which is not declared in scope.", diagnostic.Message);
    }

    [Fact]
    public void Validate_ObjectExpressionWithUnpairedSurrogateInItsJson_IsAnError()
    {
        var diagnostic = SingleError(Flowchart("""[{ "id": "f", "type": "Elsa.FlowFork", "branches": { "typeName": "String[]", "expression": { "type": "Object", "value": "[\"\\uD800\"]" } } }]"""));

        Assert.Equal("$.root.activities[0].branches.expression.value", diagnostic.Path);
        Assert.StartsWith("The Object expression's JSON is not valid at $[0]: The string is not valid Unicode text", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LiteralNestedDeeperThanConversionAllows_IsAnError()
    {
        var value = new string('[', 65) + new string(']', 65);

        var diagnostic = SingleError(Flowchart($$"""[{ "id": "d", "type": "Elsa.FlowDecision", "condition": { "typeName": "Boolean", "expression": { "type": "Literal", "value": {{value}} } } }]"""));

        Assert.Equal("$.root.activities[0].condition.expression.value", diagnostic.Path);
        Assert.Equal("The value nests more than 64 levels deep, too deep to read as Boolean.", diagnostic.Message);
    }

    [Fact]
    public void Validate_DeeplyNestedObjectLiteral_IsKeptAsIs()
    {
        var value = new string('[', 200) + new string(']', 200);

        var result = _engine.Engine.Validate($$"""
            { "variables": [{ "id": "v", "name": "V", "typeName": "Object" }],
              "root": { "id": "f", "type": "Elsa.Flowchart", "activities": [
                { "id": "s", "type": "Elsa.SetVariable", "variable": { "id": "v" }, "value": { "typeName": "Object", "expression": { "type": "Literal", "value": {{value}} } } } ] } }
            """);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
    }

    [Fact]
    public void Validate_ConversionErrorOnIndentedValue_QuotesTheValueOnOneLine()
    {
        var diagnostic = SingleError(Flowchart("""
            [{ "id": "d", "type": "Elsa.FlowDecision", "condition": { "typeName": "Boolean", "expression": { "type": "Literal", "value": {
                "yes": [
                  1
                ]
              } } } }]
            """));

        Assert.Equal("$.root.activities[0].condition.expression.value", diagnostic.Path);
        Assert.StartsWith("Cannot read {\"yes\":[1]} as Boolean: ", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5", "a number")]
    [InlineData("{ \"name\": \"JavaScript\" }", "an object")]
    [InlineData("[\"Literal\"]", "an array")]
    public void Validate_ExpressionTypeNotAName_SaysWhatItIs(string type, string found)
    {
        var diagnostic = SingleError(Flowchart($$"""[{ "id": "a", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": {{type}}, "value": "x" } } }]"""));

        Assert.Equal("$.root.activities[0].text.expression.type", diagnostic.Path);
        Assert.Equal($"The expression type must be a name, not {found}; " + Supported, diagnostic.Message);
    }

    [Fact]
    public void Validate_ExpressionTypeNull_LeavesTheInputUnset()
    {
        var result = _engine.Engine.Validate(Flowchart("""[{ "id": "a", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": null, "value": "x" } } }]"""));

        Assert.True(result.Succeeded);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("""{ "id": "s", "type": "Elsa.FlowSwitch", "cases": "[{\"label\":\"a\",\"condition\":{\"type\":\"\\uD800\"}}]" }""", "$[0].condition.type")]
    [InlineData("""{ "id": "s", "type": "Elsa.FlowSwitch", "cases": "[{\"label\":\"a\",\"condition\":{\"type\":\"JavaScript\",\"value\":\"\\uDC00\"}}]" }""", "$[0].condition.value")]
    public void Validate_JsonInsideAStringWithInvalidText_IsAnErrorAtTheInput(string activity, string inner)
    {
        var diagnostic = SingleError(Flowchart($"[{activity}]"));

        Assert.Equal("$.root.activities[0].cases", diagnostic.Path);
        Assert.Equal($"The value's JSON is not valid at {inner}: The string is not valid Unicode text: it holds an invalid UTF-8 byte or an unpaired surrogate escape such as \\uD800.", diagnostic.Message);
    }

    [Theory]
    [InlineData("Variable", "id")]
    [InlineData("Input", "name")]
    public void Validate_ReferenceWithInvalidText_IsAnError(string type, string key)
    {
        var diagnostic = SingleError(Flowchart($$"""[{ "id": "w", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "{{type}}", "value": "{\"{{key}}\":\"\\uD800\"}" } } }]"""));

        Assert.Equal("$.root.activities[0].text.expression.value", diagnostic.Path);
        Assert.Equal($"The {type} expression's JSON is not valid at $.{key}: The string is not valid Unicode text: it holds an invalid UTF-8 byte or an unpaired surrogate escape such as \\uD800.", diagnostic.Message);
    }

    [Fact]
    public void Validate_UnknownActivityType_IsAWarningNotAnError()
    {
        var result = _engine.Engine.Validate(Flowchart("""[{ "id": "x", "type": "Acme.Teleport", "destination": "Mars" }]"""));

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("$.root.activities[0].type", warning.Path);
        Assert.Equal("Activity 'x' has type 'Acme.Teleport', which no built-in activity, workflow or loaded plugin provides; it is kept as written, and a run that reaches it faults.", warning.Message);
        Assert.Equal("warning at $.root.activities[0].type: " + warning.Message, warning.ToString());
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachOnce()
    {
        var result = _engine.Engine.Validate(Flowchart("""
            [{ "id": "a", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "JavaScript", "value": "1 +" } } },
             { "id": "b", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Liquid", "value": "x" } } }]
            """));

        Assert.False(result.Succeeded);
        Assert.Equal(
            ["$.root.activities[0].text.expression.value", "$.root.activities[1].text.expression.type"],
            result.Diagnostics.Select(d => d.Path));
    }

    public void Dispose() => _engine.Dispose();

    private DefinitionDiagnostic SingleError(string json) => DefinitionJson.SingleError(_engine.Engine, json);
}
