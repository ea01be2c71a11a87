using SfaFlow.Workflows.Runtime.Triggers;

namespace SfaFlow.Workflows.Runtime.Definitions;

/// <summary>Where definition versions and their trigger index are kept (implemented by SfaFlow.Data).</summary>
public interface IWorkflowDefinitionStore
{
    Task<StoredDefinition?> FindVersionAsync(string versionId, CancellationToken cancellationToken = default);

    /// <summary>Every version of a definition, oldest first.</summary>
    Task<IReadOnlyList<StoredDefinition>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The id and state of every version of a definition, oldest first: what a start needs to pick its version without
    /// reading every version's JSON.
    /// </summary>
    Task<IReadOnlyList<(string VersionId, DefinitionState State)>> ListVersionStatesAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>The latest version of each definition, filtered, sorted and paged.</summary>
    Task<PagedResult<StoredDefinition>> ListAsync(DefinitionQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies one change to a definition atomically: writes <paramref name="upserts"/>, deletes <paramref name="deletes"/>
    /// and, when <paramref name="triggers"/> is given, replaces the definition's trigger index.
    /// </summary>
    /// <exception cref="ConcurrencyException">Another change to the definition happened since <paramref name="expectedLatestVersion"/>.</exception>
    Task SaveAsync(
        string definitionId,
        int expectedLatestVersion,
        IReadOnlyList<StoredDefinition> upserts,
        IReadOnlyList<string> deletes,
        IReadOnlyList<WorkflowTrigger>? triggers,
        CancellationToken cancellationToken = default);

    /// <summary>Triggers of published definitions by name (and key when given), for events and the scheduler.</summary>
    Task<IReadOnlyList<WorkflowTrigger>> FindTriggersAsync(string name, string? key, CancellationToken cancellationToken = default);

    /// <summary>Every trigger that fires on time (cron, timer, start-at).</summary>
    Task<IReadOnlyList<WorkflowTrigger>> ListScheduledTriggersAsync(CancellationToken cancellationToken = default);
}
