using System.Text.Json;
using System.Text.Json.Nodes;
using SfaFlow.Workflows.Expressions;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Sales.Workflows.Records;

/// <summary>
/// Turns "set these fields" into the complete fields a service's update takes: the record's current values, with the
/// named fields changed. A value may be JavaScript over the record (<c>{"javascript": "lead.score + 10"}</c>). Unknown
/// fields and values of the wrong type are refused by field name before the service sees them.
/// </summary>
internal static class RecordFieldChanges
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <param name="current">The record as loaded.</param>
    /// <param name="changes">Field name to new value.</param>
    /// <param name="recordType">The record type, for messages and as the script's global (<c>lead</c>).</param>
    /// <param name="scripts">Runs the values written as JavaScript.</param>
    /// <param name="cancellationToken">Stops a long script.</param>
    /// <param name="keptUnlessChanged">Fields left out (null) unless changed: collections the service would otherwise replace.</param>
    /// <exception cref="InvalidOperationException">A field is unknown or a value does not fit it; every problem is named.</exception>
    public static TFields Apply<TFields>(object current, IReadOnlyDictionary<string, object?> changes, string recordType, ScriptHost scripts,
        CancellationToken cancellationToken, params string[] keptUnlessChanged)
    {
        var record = JsonSerializer.SerializeToNode(current, current.GetType(), Json)!.AsObject();
        var properties = typeof(TFields).GetProperties().ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var result = new JsonObject();
        foreach (var property in properties.Values)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!keptUnlessChanged.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                result[name] = record[name]?.DeepClone();
            }
        }

        var problems = new List<string>();
        foreach (var (field, value) in changes)
        {
            if (!properties.TryGetValue(field, out var property))
            {
                problems.Add($"'{field}' is not a field of a {recordType} that can be set (fields: {string.Join(", ", properties.Values.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)))}).");
                continue;
            }

            try
            {
                var computed = Script(value) is { } script ? scripts.Evaluate(script, new Dictionary<string, object?> { [recordType] = record }, cancellationToken) : value;
                var converted = ValueConverter.Convert(computed, property.PropertyType);
                result[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = JsonSerializer.SerializeToNode(converted, property.PropertyType, Json);
            }
            catch (Exception exception) when (exception is ValueConversionException or ScriptEvaluationException or ScriptSyntaxException)
            {
                problems.Add($"Field '{field}': {exception.Message}");
            }
        }

        return problems.Count > 0
            ? throw new InvalidOperationException($"The {recordType} cannot be updated: {string.Join(" ", problems)}")
            : result.Deserialize<TFields>(Json)!;
    }

    /// <summary>The script of a value written as <c>{"javascript": "..."}</c>, else null.</summary>
    private static string? Script(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Object } element when element.TryGetProperty("javascript", out var script) => script.GetString(),
        JsonObject node when node["javascript"] is JsonValue script => script.GetValue<string>(),
        IReadOnlyDictionary<string, object?> map when map.TryGetValue("javascript", out var script) => script as string,
        _ => null,
    };
}
