using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SfaFlow.Workflows.Execution;

/// <summary>
/// Elsa's bookmark hash: SHA-256 (hex) of the bookmark name and its payload serialized as JSON with PascalCase keys and
/// nulls omitted, joined by '|'. Stimuli compute the same hash to find matching bookmarks and triggers.
/// </summary>
public static class BookmarkHasher
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Hash(string name, IReadOnlyDictionary<string, object?> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var keyed = payload.Where(p => p.Value is not null)
            .ToDictionary(p => char.ToUpperInvariant(p.Key[0]) + p.Key[1..], p => p.Value, StringComparer.Ordinal);
        var text = keyed.Count == 0 ? name : $"{name}|{JsonSerializer.Serialize(keyed, Options)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
