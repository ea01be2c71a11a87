using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace SfaFlow.Plugins.PredictiveScoring;

/// <summary>
/// Reads the plain values records and scripts carry (strings, numbers of any .NET type, JSON elements, dictionaries,
/// lists) the same way, whether a record came from <c>ISalesRecords</c> or from a script.
/// </summary>
internal static class FieldValues
{
    /// <summary>A value as text for a frequency table: ids without a trailing ".0"; null when missing or empty.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        JsonElement { ValueKind: JsonValueKind.String } e => Text(e.GetString()),
        JsonElement { ValueKind: JsonValueKind.Number } e => Text(e.GetDouble()),
        JsonElement => null,
        double d when double.IsFinite(d) => d.ToString("0.##########", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>A value as a number, or null.</summary>
    public static double? Number(object? value) => value switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        IConvertible c and not bool => Convert.ToDouble(c, CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>The items of a list value (a deal's lines); empty when it is not a list.</summary>
    public static IEnumerable<object?> Items(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Select(x => (object?)x),
        string or null => [],
        IEnumerable list => list.Cast<object?>(),
        _ => [],
    };

    /// <summary>A field of an object value (a line), or null.</summary>
    public static object? Field(object? item, string name) => item switch
    {
        IReadOnlyDictionary<string, object?> fields => fields.GetValueOrDefault(name),
        IDictionary<string, object?> fields => fields.TryGetValue(name, out var value) ? value : null,
        JsonElement { ValueKind: JsonValueKind.Object } e => e.TryGetProperty(name, out var value) ? value : null,
        _ => null,
    };
}
