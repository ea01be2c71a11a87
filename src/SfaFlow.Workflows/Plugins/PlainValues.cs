using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfaFlow.Workflows.Plugins;

/// <summary>
/// Turns script and JSON values into the plain .NET types the SDK promises plugins (null, <see cref="string"/>,
/// <see cref="double"/>, <see cref="bool"/>, <c>IReadOnlyDictionary&lt;string, object?&gt;</c>, <c>IReadOnlyList&lt;object?&gt;</c>),
/// and plugin results back into data the host can hand to scripts without touching the plugin's types again.
/// </summary>
internal static class PlainValues
{
    /// <summary>A value from a script (<c>JsConvert.FromJs</c>: primitives, dates, JSON nodes) as plain data.</summary>
    public static object? FromScript(object? value) => value switch
    {
        null => null,
        string or bool or double => value,
        DateTimeOffset date => date.ToString("O", CultureInfo.InvariantCulture),
        JsonNode node => FromNode(node),
        JsonElement element => FromElement(element),
        IConvertible convertible when value is int or long or float or decimal => convertible.ToDouble(CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static object? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromElement(p.Value), StringComparer.Ordinal).AsReadOnly(),
        JsonValueKind.Array => element.EnumerateArray().Select(FromElement).ToList().AsReadOnly(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static object? FromNode(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => FromNode(p.Value), StringComparer.Ordinal).AsReadOnly(),
        JsonArray array => array.Select(FromNode).ToList().AsReadOnly(),
        JsonValue value when value.TryGetValue<JsonElement>(out var element) => FromElement(element),
        JsonValue value => FromScript(value.GetValue<object>()),
        _ => node.ToJsonString(),
    };

    /// <summary>
    /// A plugin's result as data the host owns: primitives pass, anything else is serialized with the plugin's own options
    /// (so the host's static serializer caches never see the plugin's types).
    /// </summary>
    public static object? FromPlugin(object? value, JsonSerializerOptions pluginJson) => value switch
    {
        null or string or bool or double or int or long or float or decimal => value,
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), pluginJson),
    };
}
