using CsCheck;
using static SfaFlow.Workflows.Tests.Definitions.JsonGen;

namespace SfaFlow.Workflows.Tests.Definitions;

/// <summary>
/// Random definitions that are well-formed JSON in Elsa's shape, so that most get past the reader and exercise the
/// compiler: known and unknown activity types, every expression type, scripts that parse and scripts that do not, nested
/// flowcharts, variables, and connections that may dangle. Ids come from a small pool, so some collide.
/// </summary>
public static class DefinitionGen
{
    private static readonly string?[] Ports = ["Done", "True", "False", "In", "One", "Default", null];

    private static readonly string[] InputKeys =
    [
        "text", "condition", "variable", "value", "timeSpan", "cronExpression", "interval", "mode", "branches", "cases",
        "eventName", "outputName", "outputValue", "dateTime", "result", "code", "message", "Text", "unknownInput",
    ];

    private static readonly string[] ExpressionTypes = ["Literal", "JavaScript", "Object", "Json", "Variable", "Input", "Liquid", "Foo"];

    private static readonly string[] Scripts =
    [
        "1 + 1", "return getCounter() > 1;", "getV1()", "`x ${1}`", "variables.Counter = 2", "if (", "return {", "let a = ;",
        "#!/bin/node\n1", "a\n+\n", "getOutputFromA1()", "while(true){}", "'\\u{D800}'",
    ];

    /// <summary>Values without the text System.Text.Json cannot read: that stops a document at the reader, before the compiler.</summary>
    private static readonly Gen<string> SafeScalar = Scalar.Where(s => !Hostile.Contains(s));

    private static readonly Gen<string> SafeValue = Value.Where(v => !Hostile.Any(v.Contains));

    private static readonly string[] ActivityTypes = [.. Words.Where(w => w.StartsWith("Elsa.", StringComparison.Ordinal) || w.StartsWith("Acme.", StringComparison.Ordinal))];

    /// <summary>Where an activity's id goes; the enclosing flowchart fills it in once it knows all its activities.</summary>
    private const string PlaceholderId = "\"@id\"";

    private static readonly Gen<string> ExpressionValue = Gen.Frequency(
        (3, Gen.OneOf(Scripts).Select(Quote)),
        (3, SafeScalar),
        (1, Gen.Int[0, 4].Select(i => Quote($$"""{"id":"v{{i}}","name":"V{{i}}","typeName":"Int32"}"""))),
        (1, Gen.Int[0, 4].Select(i => $$"""{"id":"v{{i}}"}""")),
        (1, SafeValue));

    /// <summary>An input as Elsa writes it (wrapped), or the variants Elsa also reads: a bare value, null, no typeName.</summary>
    private static readonly Gen<string> Input = Gen.Frequency(
        (6, Gen.Select(Gen.OneOf(Words), Gen.OneOf(ExpressionTypes), ExpressionValue).Select((typeName, type, value) =>
            $$$"""{"typeName":{{{Quote(typeName)}}},"expression":{"type":{{{Quote(type)}}},"value":{{{value}}}}}""")),
        (1, Gen.Int[0, 4].Select(i => $$$"""{"typeName":"Object","memoryReference":{"id":"v{{{i}}}"}}""")),
        (1, SafeScalar),
        (1, SafeValue));

    /// <summary>A connection between two of the flowchart's activities (by index), now and then to an id that is not there.</summary>
    private static Gen<string> Connection(string[] ids) =>
        Gen.Select(End(ids), Gen.OneOf(Ports), End(ids), Gen.Bool)
            .Select((source, port, target, flat) => flat
                ? $$$"""{"source":{{{Quote(source)}}},"target":{{{Quote(target)}}},"sourcePort":{{{(port is null ? "null" : Quote(port))}}}}"""
                : $$$"""{"source":{"activity":{{{Quote(source)}}},"port":{{{(port is null ? "null" : Quote(port))}}}},"target":{"activity":{{{Quote(target)}}},"port":"In"}}""");

    private static Gen<string> End(string[] ids) =>
        Gen.Frequency((80, Gen.Int[0, Math.Max(0, ids.Length - 1)].Select(i => ids.Length == 0 ? "ghost" : ids[i])), (1, Gen.Const("ghost")));

    private static readonly Gen<string> Variable = Gen.Select(Gen.Int[0, 4], Gen.OneOf("String", "Int32", "Object", "Boolean", "System.Int32, System.Private.CoreLib", "Bogus"), SafeScalar)
        .Select((i, typeName, value) => $$"""{"id":"v{{i}}","name":"V{{i}}","typeName":{{Quote(typeName)}},"value":{{value}}}""");

    public static readonly Gen<string> Definition =
        Gen.Select(Gen.OneOf("\"3.6.0.0\"", "\"2.0\"", "null"), Variable.Array[0, 3], Flowchart(0, null), Gen.Bool).Select((toolVersion, variables, root, canStart) =>
            $$"""
            {"id":"w","definitionId":"d","toolVersion":{{toolVersion}},"variables":[{{string.Join(",", variables)}}],
             "inputs":[{"name":"Message","type":"String"}],"customProperties":{"canStartWorkflow":{{(canStart ? "true" : "false")}}},"root":{{root}}}
            """);

    /// <summary>
    /// A flowchart whose activities get distinct ids (tagged so nested flowcharts rarely collide), except that now and then
    /// one reuses an id, and whose connections mostly join its own activities. <paramref name="id"/> is JSON text.
    /// </summary>
    private static Gen<string> Flowchart(int depth, string? id) =>
        Gen.Select(Gen.Int[0, 999], Gen.Frequency((15, Gen.Const(-1)), (1, Gen.Int[0, 4])), Activity(depth).Array[0, 5], Variable.Array[0, 2])
            .SelectMany((tag, reuse, activities, variables) =>
            {
                var ids = activities.Select((_, i) => $"n{depth}-{tag}-{(reuse >= 0 && i == activities.Length - 1 ? reuse : i)}").ToArray();
                var named = activities.Select((activity, i) => ReplaceFirst(activity, PlaceholderId, Quote(ids[i])));
                return Connection(ids).Array[0, ids.Length == 0 ? 0 : 6].Select(connections =>
                    $$$"""{"id":{{{id ?? Quote($"f{depth}-{tag}")}}},"type":"Elsa.Flowchart","activities":[{{{string.Join(",", named)}}}],"connections":[{{{string.Join(",", connections)}}}],"variables":[{{{string.Join(",", variables)}}}]}""");
            });

    /// <summary>Activities start with their id, so the first placeholder is the activity's own; nested ones are filled already.</summary>
    private static string ReplaceFirst(string text, string placeholder, string value)
    {
        var at = text.IndexOf(placeholder, StringComparison.Ordinal);
        return at < 0 ? text : string.Concat(text.AsSpan(0, at), value, text.AsSpan(at + placeholder.Length));
    }

    private static Gen<string> Activity(int depth)
    {
        var simple = Gen.Select(Gen.Const(PlaceholderId), Gen.Frequency((30, Gen.OneOf(ActivityTypes)), (1, Gen.OneOf(Words))), Gen.Select(Gen.OneOf(InputKeys), Input).Array[0, 3], Gen.OneOf("", ",\"canStartWorkflow\":true", ",\"customProperties\":{\"mergeMode\":\"Merge\"}"))
            .Select((id, type, inputs, extra) =>
                $$"""{"id":{{id}},"type":{{Quote(type)}}{{string.Concat(inputs.Select(i => $",{Quote(i.Item1)}:{i.Item2}"))}}{{extra}}}""");
        if (depth >= 2)
        {
            return simple;
        }

        return Gen.Frequency(
            (8, simple),
            (1, Flowchart(depth + 1, null).Select(body => $$"""{"id":{{PlaceholderId}},"type":"Elsa.FlowNode","body":{{body}}}""")),
            (1, Flowchart(depth + 1, PlaceholderId)));
    }
}
