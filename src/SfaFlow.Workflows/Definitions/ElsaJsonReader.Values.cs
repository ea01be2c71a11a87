using System.Globalization;
using System.Text.Json;

namespace SfaFlow.Workflows.Definitions;

public static partial class ElsaJsonReader
{
    private sealed partial class ReadContext
    {
        /// <summary>A property by name, ignoring case (Elsa 3.0 wrote PascalCase keys); null when absent or JSON null.</summary>
        private static JsonElement? Property(JsonElement element, string key)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, key, StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
                }
            }

            return null;
        }

        private string? OptionalString(JsonElement element, string key, string path)
        {
            var value = Property(element, key);
            switch (value?.ValueKind)
            {
                case null:
                    return null;
                case JsonValueKind.String:
                    return value.Value.GetString();
                case JsonValueKind.Number:
                    return value.Value.GetRawText();
                default:
                    Error(Child(path, key), $"Expected a string, found {Describe(value.Value)}.");
                    return null;
            }
        }

        private int? OptionalInt(JsonElement element, string key, string path)
        {
            var value = Property(element, key);
            if (value is null)
            {
                return null;
            }

            if (value.Value.ValueKind == JsonValueKind.Number && value.Value.TryGetInt32(out var number))
            {
                return number;
            }

            if (value.Value.ValueKind == JsonValueKind.String &&
                int.TryParse(value.Value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
            {
                return number;
            }

            Error(Child(path, key), $"Expected a whole number, found {Describe(value.Value)}.");
            return null;
        }

        private bool? OptionalBool(JsonElement element, string key, string path)
        {
            var value = Property(element, key);
            switch (value?.ValueKind)
            {
                case null:
                    return null;
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.String when bool.TryParse(value.Value.GetString(), out var parsed):
                    return parsed;
                default:
                    Error(Child(path, key), $"Expected true or false, found {Describe(value.Value)}.");
                    return null;
            }
        }

        private DateTimeOffset? OptionalDate(JsonElement element, string key, string path)
        {
            var text = OptionalString(element, key, path);
            if (text is null)
            {
                return null;
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date))
            {
                return date;
            }

            Error(Child(path, key), $"'{text}' is not a date and time (expected ISO 8601, e.g. 2026-07-01T09:00:00+00:00).");
            return null;
        }

        /// <param name="element">The object, or null when absent.</param>
        /// <param name="path">Its JSON path, for diagnostics.</param>
        /// <param name="camelCaseKeys">True for objects with a fixed schema (options, input declarations), whose keys Elsa
        /// reads in any case and 3.6 writes camelCase; false for free-form dictionaries, whose keys are data.</param>
        private JsonDictionary ReadObject(JsonElement? element, string path, bool camelCaseKeys = false)
        {
            if (element is null)
            {
                return JsonDictionary.Empty;
            }

            if (element.Value.ValueKind != JsonValueKind.Object)
            {
                Error(path, $"Expected an object, found {Describe(element.Value)}.");
                return JsonDictionary.Empty;
            }

            return new JsonDictionary(element.Value.EnumerateObject()
                .Select(p => new KeyValuePair<string, JsonElement>(camelCaseKeys ? ToCamelCase(p.Name) : p.Name, p.Value.Clone())));
        }

        private List<JsonElement> ReadArray(JsonElement? element, string path)
        {
            if (element is null)
            {
                return [];
            }

            if (element.Value.ValueKind != JsonValueKind.Array)
            {
                Error(path, $"Expected an array, found {Describe(element.Value)}.");
                return [];
            }

            return [.. element.Value.EnumerateArray()];
        }

        private List<string> ReadStrings(JsonElement? element, string path)
        {
            var result = new List<string>();
            var items = ReadArray(element, path);
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].ValueKind == JsonValueKind.String)
                {
                    result.Add(items[i].GetString()!);
                }
                else
                {
                    Error(Index(path, i), $"Expected a string, found {Describe(items[i])}.");
                }
            }

            return result;
        }

        private List<VariableDefinition> ReadVariables(JsonElement? element, string path)
        {
            var variables = new List<VariableDefinition>();
            var items = ReadArray(element, path);
            for (var i = 0; i < items.Count; i++)
            {
                var itemPath = Index(path, i);
                var item = items[i];
                if (item.ValueKind != JsonValueKind.Object)
                {
                    Error(itemPath, $"A variable must be an object, not {Describe(item)}.");
                    continue;
                }

                var name = OptionalString(item, "name", itemPath);
                var id = OptionalString(item, "id", itemPath) ?? name;
                if (id is null)
                {
                    Error(itemPath, "The variable has neither an 'id' nor a 'name'.");
                    continue;
                }

                variables.Add(new VariableDefinition(id, name ?? id, OptionalString(item, "typeName", itemPath) ?? "Object")
                {
                    IsArray = OptionalBool(item, "isArray", itemPath) ?? false,
                    Value = Property(item, "value")?.Clone(),
                    StorageDriverTypeName = OptionalString(item, "storageDriverTypeName", itemPath),
                    Extra = new JsonDictionary(item.EnumerateObject()
                        .Where(p => !VariableKeys.Contains(p.Name))
                        .Select(p => new KeyValuePair<string, JsonElement>(ToCamelCase(p.Name), p.Value.Clone()))),
                });
            }

            return variables;
        }

        private static readonly HashSet<string> VariableKeys =
            new(StringComparer.OrdinalIgnoreCase) { "id", "name", "typeName", "isArray", "value", "storageDriverTypeName" };

        private List<T> ReadPortDefinitions<T>(JsonElement? element, string path, Func<string, string, JsonDictionary, T> create)
        {
            var result = new List<T>();
            var items = ReadArray(element, path);
            for (var i = 0; i < items.Count; i++)
            {
                var itemPath = Index(path, i);
                if (items[i].ValueKind != JsonValueKind.Object)
                {
                    Error(itemPath, $"Expected an object, found {Describe(items[i])}.");
                    continue;
                }

                var name = OptionalString(items[i], "name", itemPath);
                if (string.IsNullOrWhiteSpace(name))
                {
                    Error(itemPath, "The declaration has no 'name'.");
                    continue;
                }

                var type = OptionalString(items[i], "type", itemPath) ?? "Object";
                result.Add(create(name, type, ReadObject(items[i], itemPath, camelCaseKeys: true)));
            }

            return result;
        }
    }
}
