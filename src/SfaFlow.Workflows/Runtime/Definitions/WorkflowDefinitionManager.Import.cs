using SfaFlow.Workflows.Definitions;

namespace SfaFlow.Workflows.Runtime.Definitions;

public sealed partial class WorkflowDefinitionManager
{
    /// <summary>
    /// Imports a definition idempotently: content equal to the latest version's creates nothing (it is published if asked
    /// and not yet published), changed content becomes the next version.
    /// </summary>
    /// <exception cref="WorkflowDefinitionException">Publishing was asked and the definition has errors.</exception>
    public Task<ImportResult> ImportAsync(WorkflowDefinition definition, bool publish, CancellationToken cancellationToken = default) =>
        ImportAsync(definition, publish, sourceFile: null, cancellationToken);

    /// <summary>
    /// Seeds a definition from a workflows-folder file (<paramref name="file"/> names it: versions remember the file they
    /// came from). The first time, the file is imported and published. Afterwards only a file whose content changed since
    /// it was last imported counts, and even then never over a version someone saved or published after the file's: that
    /// version is <see cref="ImportOutcome.Kept"/> and the file is not imported (import it explicitly to replace it). So a
    /// restart never undoes an admin's edits.
    /// </summary>
    /// <exception cref="WorkflowDefinitionException">The file is imported and has errors.</exception>
    public async Task<ImportResult> SeedAsync(WorkflowDefinition definition, string file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrEmpty(file);
        var versions = await store.ListVersionsAsync(definition.DefinitionId, cancellationToken);
        var hash = ContentHash.Of(definition);
        bool FromFile(StoredDefinition version) => string.Equals(version.SourceFile, file, StringComparison.Ordinal);

        // A draft is not an import: it is what is left when publishing the file failed, and is tried again.
        var imported = versions.LastOrDefault(v => FromFile(v) && v.State != DefinitionState.Draft);
        if (imported is not null && imported.ContentHash == hash)
        {
            return Unchanged(versions, imported);
        }

        var latest = LatestOf(versions);
        if (latest is { State: not DefinitionState.Draft } && latest.ContentHash == hash)
        {
            // The file says what the latest version says. A definition seeded before versions remembered their file adopts it.
            if (imported is null)
            {
                imported = latest with { SourceFile = file };
                await store.SaveAsync(definition.DefinitionId, latest.Version, [imported], [], null, cancellationToken);
            }

            return Unchanged(versions, imported);
        }

        var later = versions.Where(v => v.Version > (imported?.Version ?? 0) && !FromFile(v)).ToList();
        if (later.Count > 0)
        {
            return new ImportResult(later[^1], ImportOutcome.Kept) { FileVersion = imported, Warnings = WarningsOf(PublishedOf(versions)) };
        }

        return await ImportAsync(definition, publish: true, file, cancellationToken);
    }

    private async Task<ImportResult> ImportAsync(WorkflowDefinition definition, bool publish, string? sourceFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var warnings = publish
            // Check before writing anything: a failed import must leave no draft behind.
            ? engine.Prepare(definition).Diagnostics
            : [.. engine.Validate(definition).Where(d => !d.IsError)];

        var versions = await store.ListVersionsAsync(definition.DefinitionId, cancellationToken);
        var latest = LatestOf(versions);
        if (latest is not null && latest.ContentHash == ContentHash.Of(definition))
        {
            var current = publish && latest.State != DefinitionState.Published ? await PublishAsync(definition.DefinitionId, cancellationToken) : latest;
            return new ImportResult(current, ImportOutcome.Unchanged) { Warnings = warnings, FileVersion = sourceFile is null ? null : current };
        }

        var draft = await SaveDraftAsync(definition, sourceFile, cancellationToken);
        var result = publish ? await PublishAsync(definition.DefinitionId, cancellationToken) : draft;
        return new ImportResult(result, latest is null ? ImportOutcome.Created : ImportOutcome.NewVersion)
        {
            Warnings = warnings,
            FileVersion = sourceFile is null ? null : result,
        };
    }

    /// <summary>Nothing to import; the warnings are those of the version that runs, which a plugin gone missing since can raise.</summary>
    private ImportResult Unchanged(IReadOnlyList<StoredDefinition> versions, StoredDefinition imported)
    {
        var published = PublishedOf(versions);
        return new ImportResult(published ?? imported, ImportOutcome.Unchanged) { FileVersion = imported, Warnings = WarningsOf(published) };
    }

    private static StoredDefinition? PublishedOf(IReadOnlyList<StoredDefinition> versions) =>
        versions.FirstOrDefault(v => v.State == DefinitionState.Published);

    private IReadOnlyList<DefinitionDiagnostic> WarningsOf(StoredDefinition? version) =>
        version is null ? [] : [.. engine.Validate(version.ToDefinition()).Where(d => !d.IsError)];
}
