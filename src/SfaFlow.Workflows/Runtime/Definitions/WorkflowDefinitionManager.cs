using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Runtime.Triggers;

namespace SfaFlow.Workflows.Runtime.Definitions;

/// <summary>
/// The life of a definition: drafts are edited, publishing freezes a draft into the version new instances start on (the
/// previous published version retires but keeps running its instances), retracting stops new starts, imports are
/// idempotent. Each change rewrites the definition's trigger index in the same transaction.
/// </summary>
public sealed partial class WorkflowDefinitionManager(
    IWorkflowDefinitionStore store, WorkflowEngine engine, TriggerIndexer triggers, TimeProvider clock)
{
    public Task<StoredDefinition?> FindVersionAsync(string versionId, CancellationToken cancellationToken = default) =>
        store.FindVersionAsync(versionId, cancellationToken);

    public Task<IReadOnlyList<StoredDefinition>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default) =>
        store.ListVersionsAsync(definitionId, cancellationToken);

    public Task<PagedResult<StoredDefinition>> ListAsync(DefinitionQuery query, CancellationToken cancellationToken = default) =>
        store.ListAsync(query, cancellationToken);

    /// <summary>The latest version, the published one, or a given version number.</summary>
    public async Task<StoredDefinition?> FindAsync(string definitionId, VersionSelector selector, CancellationToken cancellationToken = default)
    {
        var versions = await store.ListVersionsAsync(definitionId, cancellationToken);
        return selector.Version is { } number
            ? versions.FirstOrDefault(v => v.Version == number)
            : selector.Published
                ? versions.FirstOrDefault(v => v.State == DefinitionState.Published)
                : LatestOf(versions);
    }

    /// <summary>
    /// Saves a draft: updates the latest version when it is a draft, otherwise creates the next version as a draft (a new
    /// definition starts at the file's version, 1 by default). Drafts may be incomplete; publishing checks them.
    /// </summary>
    public Task<StoredDefinition> SaveDraftAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default) =>
        SaveDraftAsync(definition, sourceFile: null, cancellationToken);

    /// <summary>Saves a draft that remembers the workflows-folder file it came from (null: a person's or an API import's).</summary>
    private async Task<StoredDefinition> SaveDraftAsync(WorkflowDefinition definition, string? sourceFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var versions = await store.ListVersionsAsync(definition.DefinitionId, cancellationToken);
        var latest = LatestOf(versions);
        var draft = latest is { State: DefinitionState.Draft }
            ? Store(definition, latest.Id, latest.Version, DefinitionState.Draft, latest.CreatedAt)
            : Store(definition, await NewVersionIdAsync(definition.Id, versions, cancellationToken), (latest?.Version ?? definition.Version - 1) + 1, DefinitionState.Draft, clock.GetUtcNow());
        draft = draft with { SourceFile = sourceFile };
        await store.SaveAsync(definition.DefinitionId, latest?.Version ?? 0, [.. Unlatest(versions, draft), draft], [], null, cancellationToken);
        return draft;
    }

    /// <summary>The published version's triggers; a trigger whose settings cannot work (an unknown time zone) refuses the publication.</summary>
    private IReadOnlyList<WorkflowTrigger> IndexTriggers(StoredDefinition published)
    {
        try
        {
            return triggers.Index(published.ToDefinition());
        }
        catch (InvalidOperationException invalid)
        {
            throw new WorkflowDefinitionException([new DefinitionDiagnostic("$.root.activities", invalid.Message)]);
        }
    }

    /// <summary>Publishes the latest version; the previously published one retires. Refused with the located errors when it does not compile.</summary>
    /// <exception cref="WorkflowDefinitionException">The definition has errors.</exception>
    /// <exception cref="KeyNotFoundException">There is no such definition.</exception>
    public async Task<StoredDefinition> PublishAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var versions = await store.ListVersionsAsync(definitionId, cancellationToken);
        var latest = LatestOf(versions) ?? throw new KeyNotFoundException($"There is no workflow definition '{definitionId}'.");
        if (latest.State == DefinitionState.Published)
        {
            return latest;
        }

        var definition = latest.ToDefinition();
        engine.Prepare(definition);
        var published = Restate(latest with { PublishedAt = clock.GetUtcNow() }, DefinitionState.Published, latest.IsLatest);
        var retired = versions.Where(v => v.State == DefinitionState.Published).Select(v => Restate(v, DefinitionState.Retired, v.IsLatest));
        await store.SaveAsync(definitionId, latest.Version, [.. retired, published], [], IndexTriggers(published), cancellationToken);
        RegisterAsActivity(published);
        return published;
    }

    /// <summary>Stops new instances of the definition: its published version retires and its triggers are removed.</summary>
    /// <returns>False when nothing was published.</returns>
    public async Task<bool> RetractAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var versions = await store.ListVersionsAsync(definitionId, cancellationToken);
        var published = versions.Where(v => v.State == DefinitionState.Published).ToList();
        if (published.Count == 0)
        {
            return false;
        }

        await store.SaveAsync(definitionId, versions[^1].Version, [.. published.Select(v => Restate(v, DefinitionState.Retired, v.IsLatest))], [], [], cancellationToken);
        return true;
    }

    /// <summary>Deletes the draft (the latest version when it is unpublished); a definition with only a draft disappears.</summary>
    /// <returns>False when there is no draft.</returns>
    public async Task<bool> DeleteDraftAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var versions = await store.ListVersionsAsync(definitionId, cancellationToken);
        if (LatestOf(versions) is not { State: DefinitionState.Draft } draft)
        {
            return false;
        }

        var newLatest = versions.Count > 1 ? [Restate(versions[^2], versions[^2].State, isLatest: true)] : Array.Empty<StoredDefinition>();
        await store.SaveAsync(definitionId, draft.Version, newLatest, [draft.Id], null, cancellationToken);
        return true;
    }

    /// <summary>The version as Elsa 3.6 JSON.</summary>
    public static string Export(StoredDefinition definition) => ElsaJsonWriter.Write(definition.ToDefinition());

    private static StoredDefinition Store(WorkflowDefinition definition, string id, int version, DefinitionState state, DateTimeOffset createdAt)
    {
        var stored = definition with { Id = id, Version = version, IsLatest = true, IsPublished = state == DefinitionState.Published, CreatedAt = createdAt };
        return new StoredDefinition
        {
            Id = id,
            DefinitionId = definition.DefinitionId,
            Version = version,
            Name = definition.Name,
            Description = definition.Description,
            State = state,
            IsLatest = true,
            Json = ElsaJsonWriter.Write(stored),
            ContentHash = ContentHash.Of(definition),
            CreatedAt = createdAt,
        };
    }

    private static StoredDefinition? LatestOf(IReadOnlyList<StoredDefinition> versions) => versions.Count > 0 ? versions[^1] : null;

    private static IEnumerable<StoredDefinition> Unlatest(IReadOnlyList<StoredDefinition> versions, StoredDefinition latest) =>
        versions.Where(v => v.IsLatest && v.Id != latest.Id).Select(v => Restate(v, v.State, isLatest: false));

    /// <summary>A version with new flags, its JSON rewritten to say the same (the stored text is what export returns).</summary>
    private static StoredDefinition Restate(StoredDefinition version, DefinitionState state, bool isLatest)
    {
        var restated = version with { State = state, IsLatest = isLatest };
        return restated with { Json = ElsaJsonWriter.Write(restated.ToDefinition()) };
    }

    /// <summary>Keeps the file's version id when it is free, so references to it (a workflow used as an activity) resolve.</summary>
    private async Task<string> NewVersionIdAsync(string preferred, IReadOnlyList<StoredDefinition> versions, CancellationToken cancellationToken) =>
        versions.All(v => v.Id != preferred) && await store.FindVersionAsync(preferred, cancellationToken) is null
            ? preferred
            : Guid.NewGuid().ToString("N");

    private void RegisterAsActivity(StoredDefinition published)
    {
        var definition = published.ToDefinition();
        if (definition.Options.GetBoolean("usableAsActivity") == true)
        {
            engine.RegisterWorkflowActivity(definition);
        }
    }
}

/// <summary>Which version to read: the latest (default), the published one, or a version number.</summary>
public sealed record VersionSelector(bool Published = false, int? Version = null)
{
    public static VersionSelector Latest { get; } = new();

    public static VersionSelector PublishedVersion { get; } = new(Published: true);
}
