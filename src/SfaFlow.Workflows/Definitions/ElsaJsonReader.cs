using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SfaFlow.Workflows.Definitions;

/// <summary>
/// Reads every definition shape Elsa 3.0 to 3.6 writes: nested or flat (<c>sourcePort</c>) connections, a UTF-8 BOM,
/// PascalCase keys, top-level <c>canStartWorkflow</c>, <c>applicationProperties</c>. Structural problems (malformed JSON or
/// text, missing or duplicate ids, dangling connections) come back as located diagnostics; nothing else is ever thrown.
/// </summary>
public static partial class ElsaJsonReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    public static DefinitionReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json));
    }

    public static DefinitionReadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (utf8Json.StartsWith(bom))
        {
            utf8Json = utf8Json[bom.Length..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), DocumentOptions);
        }
        catch (JsonException exception)
        {
            return new DefinitionReadResult(null, [MalformedJson(exception, utf8Json)]);
        }

        using (document)
        {
            if (FindInvalidText(document.RootElement, "$") is { } invalidText)
            {
                return new DefinitionReadResult(null, [invalidText]);
            }

            var context = new ReadContext();
            var definition = context.ReadDefinition(document.RootElement);
            return new DefinitionReadResult(definition, context.Diagnostics);
        }
    }

    private static string Child(string path, string key) => $"{path}.{key}";

    private static string Index(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    private static string ToCamelCase(string key) =>
        key.Length == 0 || !char.IsUpper(key[0]) ? key : char.ToLowerInvariant(key[0]) + key[1..];
}
