using System.Globalization;
using System.Text.Json;
using CsCheck;

namespace SfaFlow.Workflows.Tests.Definitions;

/// <summary>
/// Generators of JSON text for the property tests: random JSON values and documents drawn from Elsa's vocabulary (so that
/// some of them get past the first checks), and random but well-formed definitions that reach the compiler.
/// </summary>
public static class JsonGen
{
    /// <summary>Keys Elsa definitions use, in both spellings, plus a few that mean nothing.</summary>
    public static readonly string[] Keys =
    [
        "id", "type", "root", "activities", "connections", "source", "target", "port", "activity", "sourcePort", "targetPort",
        "variables", "inputs", "outputs", "outcomes", "name", "typeName", "expression", "value", "customProperties",
        "canStartWorkflow", "runAsynchronously", "mergeMode", "applicationProperties", "body", "metadata", "version",
        "definitionId", "memoryReference", "text", "condition", "variable", "timeSpan", "cronExpression", "interval", "mode",
        "branches", "cases", "label", "options", "createdAt", "isArray", "storageDriverTypeName", "vertices", "$schema",
        "Id", "Type", "Root", "Activities", "Connections", "Source", "Target", "Expression", "TypeName", "Value", "x", "",
    ];

    /// <summary>Values Elsa definitions use: activity types, expression types, ports, scripts good and bad, odd literals.</summary>
    public static readonly string[] Words =
    [
        "Elsa.Flowchart", "Elsa.WriteLine", "Elsa.FlowDecision", "Elsa.SetVariable", "Elsa.FlowNode", "Elsa.FlowJoin",
        "Elsa.FlowSwitch", "Elsa.FlowFork", "Elsa.Delay", "Elsa.Cron", "Elsa.Timer", "Elsa.StartAt", "Elsa.Event", "Elsa.Start",
        "Elsa.End", "Elsa.SetOutput", "Elsa.Fault", "Elsa.Finish", "Elsa.Correlate", "Elsa.RunTask", "Elsa.Break", "Acme.Unknown",
        "Literal", "JavaScript", "Object", "Json", "Variable", "Input", "Liquid", "CSharp", "Foo", "String", "Int32", "Boolean",
        "Object", "TimeSpan", "String[]", "Done", "True", "False", "In", "Default", "a", "b", "c", "v", "WaitAll", "WaitAny",
        "Merge", "Stream", "Bogus", "00:01:00", "PT1M", "1.02:03:04", "0 0 * * * *", "0 * * * *", "2026-07-01T09:00:00+00:00",
        "not a date", "return 1;", "getCounter() + 1", "1 +", "#!x\n1", "`${getV()}`", "return {\"$id\": 1}", "[\"One\",\"Two\"]",
        "[1,{}]", "{\"id\":\"v\"}", "{\"id\":\"\\uD800\"}", "{not json", "[{\"label\":\"a\",\"condition\":{\"type\":\"Literal\",\"value\":true}}]", "[{\"label\":\"a\",\"condition\":{\"type\":\"\\uD800\"}}]",
        "", " ", "true", "3.6.0.0", "2.9", "Int32, System.Private.CoreLib",
    ];

    /// <summary>JSON number texts, including ones .NET reads badly: too large for a double, negative zero, exponents.</summary>
    private static readonly string[] Numbers = ["0", "-0", "1", "-1", "4", "2147483648", "1e400", "-1e400", "1E+2", "0.5", "12345678901234567890123", "3.0"];

    /// <summary>String literals System.Text.Json parses but cannot read as text, and other hard cases.</summary>
    public static readonly string[] Hostile =
    [
        "\"\\uD800\"", "\"a\\uDC00\"", "\"\\uDBFF\\uDBFF\"", "\"\\u0000\"", "\"\\\"\"", "\"\u00e9\u4e2d\ud83d\ude00\"", "\"\\n\\t\"",
    ];

    public static readonly Gen<string> Scalar = Gen.Frequency(
        (4, Gen.OneOf(Words).Select(Quote)),
        (2, Gen.String[Gen.Frequency((6, Gen.Char['\u0020', '\u007e']), (1, Gen.Char['\u0000', '\u001f']), (1, Gen.Char['\u00a0', '\ud7ff'])), 0, 12].Select(Quote)),
        (2, Gen.Int[-5, 100_000].Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.OneOf(Numbers)),
        (2, Gen.OneOf("true", "false", "null")),
        (1, Gen.OneOf(Hostile)));

    /// <summary>Any JSON value, nesting up to five levels, keys mostly from <see cref="Keys"/>.</summary>
    public static readonly Gen<string> Value = Gen.Recursive<string>((depth, value) => depth >= 5
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (2, Gen.Select(Gen.Frequency((5, Gen.OneOf(Keys)), (1, Gen.String.AlphaNumeric)), value).Array[0, 5]
                .Select(members => "{" + string.Join(",", members.Select(m => Quote(m.Item1) + ":" + m.Item2)) + "}")),
            (2, value.Array[0, 5].Select(items => "[" + string.Join(",", items) + "]"))));

    /// <summary>Documents that mostly look like definitions: an object with a root of some kind, sometimes not.</summary>
    public static readonly Gen<string> Document = Gen.Frequency(
        (1, Value),
        (3, Gen.Select(Value, Value, Gen.Select(Gen.OneOf(Keys), Value).Array[0, 4]).Select((root, activities, extra) =>
            "{" + string.Concat(extra.Select(e => Quote(e.Item1) + ":" + e.Item2 + ",")) +
            "\"root\":{\"id\":\"r\",\"type\":\"Elsa.Flowchart\",\"activities\":" + activities + ",\"connections\":" + root + "}}")));

    public static string Quote(string text) => JsonSerializer.Serialize(text);
}
