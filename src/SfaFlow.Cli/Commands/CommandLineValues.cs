using System.CommandLine.Parsing;
using System.Text.Json;

namespace SfaFlow.Cli.Commands;

/// <summary>Parsers for option values that carry JSON; their errors show up as ordinary command-line errors (exit code 1).</summary>
internal static class CommandLineValues
{
    /// <summary>
    /// <c>name=value</c> pairs. The value is JSON when it parses as JSON (<c>70</c>, <c>true</c>, <c>{"score":70}</c>),
    /// otherwise the text itself, so <c>--input Message=Hello</c> needs no JSON quoting.
    /// </summary>
    public static IReadOnlyDictionary<string, object?>? ParseInputs(ArgumentResult result)
    {
        // Case-insensitive, as the engine matches input names.
        var inputs = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var token in result.Tokens)
        {
            var separator = token.Value.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                result.AddError($"--input '{token.Value}' must look like name=value.");
                continue;
            }

            var name = token.Value[..separator].Trim();
            if (!inputs.TryAdd(name, JsonOrText(token.Value[(separator + 1)..])))
            {
                result.AddError($"--input '{name}' is given more than once.");
            }
        }

        return inputs;
    }

    /// <summary>A JSON document; plain text must be quoted (<c>'"text"'</c>) so a typo in an object is not taken as text.</summary>
    public static JsonElement? ParseJson(ArgumentResult result, string optionName)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (TryParse(text) is { } element)
        {
            return element;
        }

        result.AddError($"{optionName} is not valid JSON (quote plain text: '\"text\"'): {text}");
        return null;
    }

    private static object? JsonOrText(string value) => TryParse(value) is { } element ? element : value;

    private static JsonElement? TryParse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
