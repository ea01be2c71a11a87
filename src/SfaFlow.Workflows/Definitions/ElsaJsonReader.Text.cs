using System.Text.Json;

namespace SfaFlow.Workflows.Definitions;

public static partial class ElsaJsonReader
{
    private const string InvalidTextReason =
        "is not valid Unicode text: it holds an invalid UTF-8 byte or an unpaired surrogate escape such as \\uD800.";

    /// <summary>
    /// The first string or property name that cannot be read as text, or null. System.Text.Json parses invalid UTF-8 and
    /// lone surrogate escapes without complaint, then throws when the string is read; checking once up front turns that into
    /// a located error, so nothing downstream (reader, compiler, value conversion) ever meets such a string.
    /// </summary>
    internal static DefinitionDiagnostic? FindInvalidText(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsReadable(element) ? null : new DefinitionDiagnostic(path, $"The string {InvalidTextReason}");
            case JsonValueKind.Object:
                var position = 0;
                foreach (var property in element.EnumerateObject())
                {
                    position++;
                    if (!TryGetName(property, out var name))
                    {
                        return new DefinitionDiagnostic(path, $"The name of property {position} {InvalidTextReason}");
                    }

                    if (FindInvalidText(property.Value, Child(path, name)) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindInvalidText(item, Index(path, index++)) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The same check for JSON held in a string (a switch's cases, a list, a variable reference), which the compiler
    /// deserializes for any input type but text; null when the string holds no JSON or valid JSON.
    /// </summary>
    internal static DefinitionDiagnostic? FindInvalidTextInJsonString(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String || value.GetString()!.TrimStart() is not ['[' or '{', ..] text)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return FindInvalidText(document.RootElement, "$");
        }
        catch (JsonException)
        {
            // Not JSON after all: whoever converts it reports that.
            return null;
        }
    }

    private static bool IsReadable(JsonElement text)
    {
        try
        {
            _ = text.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryGetName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = "";
            return false;
        }
    }
}
