namespace SfaFlow.Data.Workflows;

/// <summary>A definition version. The graph is Elsa JSON text; the other columns are what lists and lookups filter on.</summary>
internal sealed class DefinitionRow
{
    public required string Id { get; set; }

    public required string DefinitionId { get; set; }

    public int Version { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    /// <summary>0 draft, 1 published, 2 retired (<see cref="SfaFlow.Workflows.Runtime.Definitions.DefinitionState"/>).</summary>
    public int State { get; set; }

    public bool IsLatest { get; set; }

    public required string Json { get; set; }

    public required string ContentHash { get; set; }

    /// <summary>Unix milliseconds.</summary>
    public long CreatedAt { get; set; }

    public long? PublishedAt { get; set; }

    /// <summary>The workflows-folder file the version was imported from at startup; null for a person's version.</summary>
    public string? SourceFile { get; set; }
}
