using System.Collections;
using System.Text.Json;

namespace SfaFlow.Workflows.Definitions;

/// <summary>
/// An immutable, ordered set of JSON properties: the parts of Elsa JSON that SfaFlow keeps verbatim (activity inputs,
/// custom properties, designer metadata). Lookups ignore case because older Elsa files use PascalCase keys.
/// </summary>
public sealed class JsonDictionary : IReadOnlyDictionary<string, JsonElement>
{
    private readonly KeyValuePair<string, JsonElement>[] _items;

    public JsonDictionary(IEnumerable<KeyValuePair<string, JsonElement>> items) => _items = [.. items];

    public static JsonDictionary Empty { get; } = new([]);

    public int Count => _items.Length;

    public IEnumerable<string> Keys => _items.Select(item => item.Key);

    public IEnumerable<JsonElement> Values => _items.Select(item => item.Value);

    public JsonElement this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No property '{key}'.");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, out JsonElement value)
    {
        foreach (var item in _items)
        {
            if (string.Equals(item.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                value = item.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The string value of a property, or null when it is missing or not a string.</summary>
    public string? GetString(string key) =>
        TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The boolean value of a property (JSON true/false or the strings "true"/"false").</summary>
    public bool? GetBoolean(string key)
    {
        if (!TryGetValue(key, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => null,
        };
    }

    /// <summary>A copy with one property set (replaced in place when present, appended otherwise).</summary>
    public JsonDictionary With(string key, JsonElement value)
    {
        var replaced = false;
        var items = _items.Select(item =>
        {
            if (!string.Equals(item.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return item;
            }

            replaced = true;
            return new KeyValuePair<string, JsonElement>(key, value);
        }).ToList();
        if (!replaced)
        {
            items.Add(new(key, value));
        }

        return new JsonDictionary(items);
    }

    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, JsonElement>>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
