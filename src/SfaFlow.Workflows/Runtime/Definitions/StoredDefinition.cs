using SfaFlow.Workflows.Definitions;

namespace SfaFlow.Workflows.Runtime.Definitions;

/// <summary>
/// One stored version of a workflow definition. The graph is kept as Elsa JSON text; only what is queried is a column.
/// </summary>
public sealed record StoredDefinition
{
    /// <summary>The version id (Elsa's <c>id</c>).</summary>
    public required string Id { get; init; }

    public required string DefinitionId { get; init; }

    public required int Version { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public required DefinitionState State { get; init; }

    /// <summary>Whether this is the highest version of the definition.</summary>
    public bool IsLatest { get; init; }

    /// <summary>The definition as Elsa 3.6 JSON.</summary>
    public required string Json { get; init; }

    /// <summary>SHA-256 of the content that matters for running it (not version numbers or flags): unchanged content, same hash.</summary>
    public required string ContentHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>
    /// The workflows-folder file (its name, <c>lead-qualification.json</c>) this version was imported from at startup; null
    /// when a person saved it or imported it through the API. The startup import uses it to tell the file's versions from
    /// an admin's, so that a restart never replaces an admin's later version.
    /// </summary>
    public string? SourceFile { get; init; }

    /// <summary>Reads <see cref="Json"/>; stored JSON was validated when it was saved.</summary>
    public WorkflowDefinition ToDefinition() => ElsaJsonReader.Read(Json).GetDefinitionOrThrow() with
    {
        Id = Id,
        DefinitionId = DefinitionId,
        Version = Version,
        IsLatest = IsLatest,
        IsPublished = State == DefinitionState.Published,
    };
}
