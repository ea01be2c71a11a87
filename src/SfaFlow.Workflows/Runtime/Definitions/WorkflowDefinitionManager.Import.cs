using SfaFlow.Workflows.Definitions;

namespace SfaFlow.Workflows.Runtime.Definitions;

public sealed partial class WorkflowDefinitionManager
{
    /// <summary>
    /// Imports a definition idempotently: content equal to the latest version's creates nothing (it is published if asked
    /// and not yet published), changed content becomes the next version.
    /// </summary>
    /// <exception cref="WorkflowDefinitionException">Publishing was asked and the definition has errors.</exception>
    public async Task<ImportResult> ImportAsync(WorkflowDefinition definition, bool publish, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (publish)
        {
            // Check before writing anything: a failed import must leave no draft behind.
            engine.Prepare(definition);
        }

        var versions = await store.ListVersionsAsync(definition.DefinitionId, cancellationToken);
        var latest = LatestOf(versions);
        if (latest is not null && latest.ContentHash == ContentHash.Of(definition))
        {
            var current = publish && latest.State != DefinitionState.Published ? await PublishAsync(definition.DefinitionId, cancellationToken) : latest;
            return new ImportResult(current, ImportOutcome.Unchanged);
        }

        var draft = await SaveDraftAsync(definition, cancellationToken);
        var result = publish ? await PublishAsync(definition.DefinitionId, cancellationToken) : draft;
        return new ImportResult(result, latest is null ? ImportOutcome.Created : ImportOutcome.NewVersion);
    }
}
