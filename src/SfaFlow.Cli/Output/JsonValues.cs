using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Cli.Output;

/// <summary>
/// Writes workflow values (variables, outputs) as JSON. Values are converted with the instance serializer's settings so a
/// value prints the way it is persisted: script objects as objects, dates as ISO 8601, <c>$id</c> keys as ordinary data.
/// </summary>
internal static class JsonValues
{
    /// <summary>
    /// Text goes to a terminal or a pipe, never into HTML, so <c>+</c>, <c>'</c> and accented letters are written as they
    /// are rather than as <c>\u002B</c>-style escapes.
    /// </summary>
    public static JsonSerializerOptions Compact { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonSerializerOptions Indented { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static JsonNode? ToNode(object? value) =>
        value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), WorkflowInstanceSerializer.Options);

    /// <summary>One line of JSON, for the human report: <c>"text"</c>, <c>42</c>, <c>{"score":70}</c>.</summary>
    public static string ToText(object? value) => ToNode(value)?.ToJsonString(Compact) ?? "null";
}
