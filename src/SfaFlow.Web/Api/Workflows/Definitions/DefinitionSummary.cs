using SfaFlow.Workflows.Runtime.Definitions;

namespace SfaFlow.Web.Api.Workflows.Definitions;

/// <summary>A definition version in a list: what it is and where it is in its life, without its graph.</summary>
public sealed record DefinitionSummary(
    string DefinitionId,
    string VersionId,
    int Version,
    string? Name,
    string? Description,
    DefinitionState State,
    bool IsLatest,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt)
{
    public static DefinitionSummary From(StoredDefinition stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new DefinitionSummary(stored.DefinitionId, stored.Id, stored.Version, stored.Name, stored.Description, stored.State,
            stored.IsLatest, stored.CreatedAt, stored.PublishedAt);
    }
}
