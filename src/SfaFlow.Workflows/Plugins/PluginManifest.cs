using System.Text.Json;
using System.Text.RegularExpressions;

namespace SfaFlow.Workflows.Plugins;

/// <summary>A plugin's <c>plugin.json</c>: who it is and what to load.</summary>
/// <param name="Id">An identifier (letters, digits, underscores; starts with a letter), the prefix of its activity type keys.</param>
/// <param name="Name">The name shown to people.</param>
/// <param name="Version">The plugin's own version, free text (<c>1.4.0</c>).</param>
/// <param name="AbiVersion">The SDK version it was built against, <c>major.minor</c>.</param>
/// <param name="EntryAssembly">The dll holding the <c>ISfaFlowPlugin</c> class, relative to the plugin folder.</param>
/// <param name="Description">What it adds.</param>
/// <param name="EntryType">The full name of the plugin class, when the assembly has several.</param>
public sealed partial record PluginManifest(
    string Id, string Name, string Version, string AbiVersion, string EntryAssembly, string? Description, string? EntryType)
{
    public const string FileName = "plugin.json";

    /// <summary>Reads and checks a manifest.</summary>
    /// <exception cref="PluginLoadException">The file is missing, not JSON, or a field is missing or invalid (named in the message).</exception>
    public static PluginManifest Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new PluginLoadException(PluginFailure.BadManifest, $"{path}: the plugin has no {FileName}.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new PluginLoadException(PluginFailure.BadManifest, $"{path}: not valid JSON ({exception.Message})", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new PluginLoadException(PluginFailure.BadManifest, $"{path}: the manifest must be a JSON object.");
            }

            var id = Required(root, "id", path);
            if (!Identifier().IsMatch(id))
            {
                throw new PluginLoadException(PluginFailure.BadManifest,
                    $"{path}: field 'id' must be an identifier (a letter, then letters, digits or underscores); '{id}' is not.");
            }

            var abi = Required(root, "abiVersion", path);
            if (!AbiPattern().IsMatch(abi))
            {
                throw new PluginLoadException(PluginFailure.BadManifest, $"{path}: field 'abiVersion' must be 'major.minor', such as '1.2'; '{abi}' is not.");
            }

            var entry = Required(root, "entryAssembly", path);
            if (Path.IsPathRooted(entry) || entry.Split('/', '\\').Contains(".."))
            {
                throw new PluginLoadException(PluginFailure.BadManifest, $"{path}: field 'entryAssembly' must be a path inside the plugin folder; '{entry}' is not.");
            }

            return new PluginManifest(id, Required(root, "name", path), Required(root, "version", path), abi, entry,
                Optional(root, "description", path), Optional(root, "entryType", path));
        }
    }

    /// <summary>Whether a plugin built against <see cref="AbiVersion"/> runs on this host: same major, minor not newer.</summary>
    public bool IsCompatibleWith(int hostMajor, int hostMinor)
    {
        var parts = AbiVersion.Split('.');
        var major = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        var minor = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return major == hostMajor && minor <= hostMinor;
    }

    private static string Required(JsonElement root, string field, string path) =>
        Optional(root, field, path) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new PluginLoadException(PluginFailure.BadManifest, $"{path}: field '{field}' is missing or empty.");

    private static string? Optional(JsonElement root, string field, string path)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, field, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => throw new PluginLoadException(PluginFailure.BadManifest, $"{path}: field '{field}' must be a string."),
                };
            }
        }

        return null;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^\d{1,4}\.\d{1,4}$")]
    private static partial Regex AbiPattern();
}
