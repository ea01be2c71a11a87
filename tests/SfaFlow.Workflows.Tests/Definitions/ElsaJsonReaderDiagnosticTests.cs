using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Workflows.Tests.Definitions.DefinitionJson;

namespace SfaFlow.Workflows.Tests.Definitions;

/// <summary>
/// What the reader reports for text that is not a definition: where (JSON path, and line and column for broken JSON) and
/// why, in words a workflow author understands. Checked through full validation, which must report exactly that.
/// </summary>
public sealed class ElsaJsonReaderDiagnosticTests : IDisposable
{
    private readonly TestEngine _engine = new();

    [Fact]
    public void Read_MalformedJson_ReportsLineAndColumn()
    {
        const string json = "{\n  \"root\": {\n    \"id\": \"f\",\n    \"type\": \"Elsa.Flowchart\",,\n  }\n}";

        var diagnostic = SingleError(json);

        Assert.Equal("$.root", diagnostic.Path);
        Assert.Equal("Malformed JSON: ',' is an invalid start of a property name. Expected a '\"'.", diagnostic.Message);
        Assert.Equal((4, 30), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Read_MalformedJsonAfterNonAsciiText_CountsColumnsInCharactersNotBytes()
    {
        var diagnostic = SingleError("{ \"root\": { \"name\": \"Größe\", x } }");

        Assert.Equal("$.root", diagnostic.Path);
        Assert.Equal((1, 30), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Read_MalformedJsonInsideAnArray_PathNamesTheElement()
    {
        var diagnostic = SingleError("{ \"root\": { \"activities\": [ { \"id\": \"a\" }, { \"id\": tru } ] } }");

        Assert.Equal("$.root.activities[1].id", diagnostic.Path);
        Assert.StartsWith("Malformed JSON: 'tru", diagnostic.Message, StringComparison.Ordinal);
        Assert.EndsWith("is an invalid JSON literal. Expected the literal 'true'.", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedJson_ReportsWhereTheTextEnds()
    {
        var diagnostic = SingleError("{\n  \"root\": {\n    \"id\": \"f\"");

        Assert.StartsWith("Malformed JSON: ", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(3, diagnostic.Line);
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("\"root\"", "a string")]
    [InlineData("42", "a number")]
    [InlineData("null", "null")]
    public void Read_DocumentNotAnObject_SaysWhatItIs(string json, string found)
    {
        var diagnostic = SingleError(json);

        Assert.Equal("$", diagnostic.Path);
        Assert.Equal($"A workflow definition must be a JSON object, not {found}.", diagnostic.Message);
    }

    [Theory]
    [InlineData("{ \"id\": \"w\" }")]
    [InlineData("{ \"id\": \"w\", \"root\": null }")]
    public void Read_NoRoot_ReportsIt(string json)
    {
        var diagnostic = SingleError(json);

        Assert.Equal("$", diagnostic.Path);
        Assert.Equal("The definition has no 'root' activity.", diagnostic.Message);
    }

    [Fact]
    public void Read_ActivityWithoutId_ReportsItsIdPath()
    {
        var diagnostic = SingleError(Flowchart("""[{ "id": "a", "type": "Elsa.WriteLine" }, { "type": "Elsa.WriteLine" }]"""));

        Assert.Equal("$.root.activities[1].id", diagnostic.Path);
        Assert.Equal("The activity has no id.", diagnostic.Message);
    }

    [Fact]
    public void Read_ActivityWithoutType_NamesTheActivity()
    {
        var diagnostic = SingleError(Flowchart("""[{ "id": "a", "type": " " }]"""));

        Assert.Equal("$.root.activities[0].type", diagnostic.Path);
        Assert.Equal("Activity 'a' has no type.", diagnostic.Message);
    }

    [Fact]
    public void Read_ActivityNotAnObject_SaysWhatItIs()
    {
        var diagnostic = SingleError(Flowchart("""[{ "id": "a", "type": "Elsa.WriteLine" }, "b"]"""));

        Assert.Equal("$.root.activities[1]", diagnostic.Path);
        Assert.Equal("An activity must be an object, not a string.", diagnostic.Message);
    }

    [Fact]
    public void Read_DuplicateActivityIds_PointsAtTheSecondAndNamesTheFirst()
    {
        var diagnostic = SingleError(Flowchart("""[{ "id": "a", "type": "Elsa.WriteLine" }, { "id": "a", "type": "Elsa.End" }]"""));

        Assert.Equal("$.root.activities[1].id", diagnostic.Path);
        Assert.Equal("Duplicate activity id 'a'; it is already used at $.root.activities[0].", diagnostic.Message);
    }

    [Fact]
    public void Read_DuplicateIdInsideFlowNodeBody_IsReportedAtTheNestedActivity()
    {
        var diagnostic = SingleError(Flowchart("""
            [{ "id": "a", "type": "Elsa.WriteLine" },
             { "id": "node", "type": "Elsa.FlowNode", "body": { "id": "inner", "type": "Elsa.Flowchart", "activities": [
               { "id": "b", "type": "Elsa.WriteLine" }, { "id": "a", "type": "Elsa.WriteLine" } ] } }]
            """));

        Assert.Equal("$.root.activities[1].body.activities[1].id", diagnostic.Path);
        Assert.Equal("Duplicate activity id 'a'; it is already used at $.root.activities[0].", diagnostic.Message);
    }

    [Fact]
    public void Read_DuplicateOfTheRootId_IsReported()
    {
        var diagnostic = SingleError(Flowchart("""[{ "id": "Flowchart1", "type": "Elsa.WriteLine" }]"""));

        Assert.Equal("$.root.activities[0].id", diagnostic.Path);
        Assert.Equal("Duplicate activity id 'Flowchart1'; it is already used at $.root.", diagnostic.Message);
    }

    [Theory]
    [InlineData("""{ "source": { "activity": "ghost", "port": "Done" }, "target": { "activity": "a", "port": "In" } }""", "source", "ghost")]
    [InlineData("""{ "source": { "activity": "a", "port": "Done" }, "target": { "activity": "ghost", "port": "In" } }""", "target", "ghost")]
    [InlineData("""{ "source": "a", "target": "ghost", "sourcePort": "Done" }""", "target", "ghost")]
    public void Read_DanglingConnection_ReportsTheEndThatIsMissing(string connection, string end, string id)
    {
        var diagnostic = SingleError(Flowchart("""[{ "id": "a", "type": "Elsa.WriteLine" }]""", $"[{connection}]"));

        Assert.Equal($"$.root.connections[0].{end}", diagnostic.Path);
        Assert.Equal($"The connection's {end} '{id}' is not an activity of this flowchart.", diagnostic.Message);
    }

    [Fact]
    public void Read_ConnectionIntoANestedFlowchart_IsDangling()
    {
        var diagnostic = SingleError(Flowchart(
            """
            [{ "id": "a", "type": "Elsa.WriteLine" },
             { "id": "node", "type": "Elsa.FlowNode", "body": { "id": "inner", "type": "Elsa.Flowchart", "activities": [{ "id": "b", "type": "Elsa.WriteLine" }] } }]
            """,
            """[{ "source": { "activity": "a" }, "target": { "activity": "b" } }]"""));

        Assert.Equal("$.root.connections[0].target", diagnostic.Path);
        Assert.Equal("The connection's target 'b' is not an activity of this flowchart.", diagnostic.Message);
    }

    [Fact]
    public void Read_ConnectionWithoutSource_ReportsIt()
    {
        var diagnostic = SingleError(Flowchart("""[{ "id": "a", "type": "Elsa.WriteLine" }]""", """[{ "target": { "activity": "a" } }]"""));

        Assert.Equal("$.root.connections[0]", diagnostic.Path);
        Assert.Equal("The connection has no source.", diagnostic.Message);
    }

    [Fact]
    public void Read_StringWithUnpairedSurrogateEscape_ReportsItsPath()
    {
        var diagnostic = SingleError(Flowchart("""[{ "id": "a", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "x\uD800" } } }]"""));

        Assert.Equal("$.root.activities[0].text.expression.value", diagnostic.Path);
        Assert.Equal("The string is not valid Unicode text: it holds an invalid UTF-8 byte or an unpaired surrogate escape such as \\uD800.", diagnostic.Message);
    }

    [Fact]
    public void Read_PropertyNameWithUnpairedSurrogateEscape_ReportsTheObject()
    {
        var diagnostic = SingleError(Flowchart("""[{ "id": "a", "type": "Elsa.WriteLine", "\uDC00": 1 }]"""));

        Assert.Equal("$.root.activities[0]", diagnostic.Path);
        Assert.Equal("The name of property 3 is not valid Unicode text: it holds an invalid UTF-8 byte or an unpaired surrogate escape such as \\uD800.", diagnostic.Message);
    }

    [Fact]
    public void Read_InvalidUtf8Bytes_ReportsThePath()
    {
        byte[] json = [.. "{ \"name\": \""u8, 0xC3, 0x28, .. "\", \"root\": { \"id\": \"f\", \"type\": \"Elsa.Flowchart\" } }"u8];

        var result = ElsaJsonReader.Read(json);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Null(result.Definition);
        Assert.Equal("$.name", diagnostic.Path);
    }

    [Fact]
    public void GetDefinitionOrThrow_InvalidDefinition_ThrowsTheDiagnostics()
    {
        var result = ElsaJsonReader.Read("{ \"root\": { \"id\": \"f\" } }");

        var exception = Assert.Throws<WorkflowDefinitionException>(result.GetDefinitionOrThrow);

        var diagnostic = Assert.Single(exception.Diagnostics);
        Assert.Equal("$.root.type", diagnostic.Path);
        Assert.Equal("The workflow definition is invalid: error at $.root.type: Activity 'f' has no type.", exception.Message);
    }

    public void Dispose() => _engine.Dispose();

    private DefinitionDiagnostic SingleError(string json) => DefinitionJson.SingleError(_engine.Engine, json);
}
