using System.Text.Json;

namespace SfaFlow.Workflows.Definitions;

public static partial class ElsaJsonReader
{
    /// <summary>The keys of Elsa's input and output wrappers, by the object they belong to, in their 3.6 spelling.</summary>
    private static readonly Dictionary<string, string[]> WrapperKeys = new(StringComparer.Ordinal)
    {
        [""] = ["typeName", "expression", "memoryReference"],
        ["expression"] = ["type", "value"],
        ["memoryReference"] = ["id"],
    };

    /// <summary>
    /// An activity property with the wrapper keys (<c>TypeName</c>, <c>Expression: {Type, Value}</c>, <c>MemoryReference:
    /// {Id}</c>) spelled as Elsa 3.6 writes them. Older files used PascalCase; Elsa reads either, but SfaFlow writes the 3.6
    /// shape. Only the wrapper's own keys change: values (an Object literal's keys, say) are user data and stay as written.
    /// </summary>
    private static JsonElement NormalizeWrapper(JsonElement value)
    {
        if (!NeedsRenaming(value, ""))
        {
            return value.Clone();
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteRenamed(writer, value, "");
        }

        using var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = DocumentOptions.MaxDepth });
        return document.RootElement.Clone();
    }

    private static bool NeedsRenaming(JsonElement value, string owner) =>
        value.ValueKind == JsonValueKind.Object && WrapperKeys.TryGetValue(owner, out var keys) && value.EnumerateObject().Any(p =>
            Canonical(keys, p.Name) is { } key && (key != p.Name || NeedsRenaming(p.Value, key)));

    private static void WriteRenamed(Utf8JsonWriter writer, JsonElement value, string owner)
    {
        if (value.ValueKind != JsonValueKind.Object || !WrapperKeys.TryGetValue(owner, out var keys))
        {
            value.WriteTo(writer);
            return;
        }

        writer.WriteStartObject();
        foreach (var property in value.EnumerateObject())
        {
            var key = Canonical(keys, property.Name);
            writer.WritePropertyName(key ?? property.Name);
            WriteRenamed(writer, property.Value, key ?? "-");
        }

        writer.WriteEndObject();
    }

    private static string? Canonical(string[] keys, string name) =>
        Array.Find(keys, key => string.Equals(key, name, StringComparison.OrdinalIgnoreCase));
}
