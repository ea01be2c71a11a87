using System.Collections.Concurrent;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Runtime.Definitions;

namespace SfaFlow.Workflows.Runtime;

/// <summary>
/// Parsed definitions by version id. Published and retired versions never change, so they are read and compiled once;
/// drafts are keyed by their content hash as well, since they are edited in place.
/// </summary>
internal sealed class DefinitionCache(IWorkflowDefinitionStore store)
{
    private readonly ConcurrentDictionary<(string Id, string Hash), WorkflowDefinition> _definitions = new();

    public async Task<WorkflowDefinition> GetAsync(string versionId, CancellationToken cancellationToken)
    {
        var stored = await FindAsync(versionId, cancellationToken)
            ?? throw new KeyNotFoundException($"Workflow definition version '{versionId}' does not exist.");
        return Get(stored);
    }

    public WorkflowDefinition Get(StoredDefinition stored) =>
        _definitions.GetOrAdd((stored.Id, stored.ContentHash), _ => stored.ToDefinition());

    private readonly ConcurrentDictionary<string, StoredDefinition> _immutable = new(StringComparer.Ordinal);

    private async Task<StoredDefinition?> FindAsync(string versionId, CancellationToken cancellationToken)
    {
        if (_immutable.TryGetValue(versionId, out var known))
        {
            return known;
        }

        var stored = await store.FindVersionAsync(versionId, cancellationToken);
        if (stored is { State: not DefinitionState.Draft })
        {
            _immutable[versionId] = stored;
        }

        return stored;
    }
}
