using System.Text.Json;
using SfaFlow.Workflows.Runtime.Definitions;

namespace SfaFlow.Web.Api.Workflows.Definitions;

/// <summary>
/// One definition version: its summary, the definition itself as Elsa 3.6 JSON, and what the compiler says about it
/// (drafts may be incomplete; the designer shows these before a publish is refused for them).
/// </summary>
public sealed record DefinitionDetail(
    string DefinitionId,
    string VersionId,
    int Version,
    string? Name,
    string? Description,
    DefinitionState State,
    bool IsLatest,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    JsonElement Definition,
    IReadOnlyList<ApiError> Diagnostics)
{
    /// <param name="stored">The version.</param>
    /// <param name="json">Its Elsa JSON as exported.</param>
    /// <param name="diagnostics">What the compiler says about it.</param>
    public static DefinitionDetail From(StoredDefinition stored, string json, IReadOnlyList<ApiError> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(stored);
        using var document = JsonDocument.Parse(json);
        return new DefinitionDetail(stored.DefinitionId, stored.Id, stored.Version, stored.Name, stored.Description, stored.State,
            stored.IsLatest, stored.CreatedAt, stored.PublishedAt, document.RootElement.Clone(), diagnostics);
    }
}
