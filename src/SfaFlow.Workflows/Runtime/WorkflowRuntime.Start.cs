using Microsoft.Extensions.Logging;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime.Definitions;
using SfaFlow.Workflows.Runtime.Instances;
using SfaFlow.Workflows.Runtime.Triggers;

namespace SfaFlow.Workflows.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>Starts an instance of the published version of a definition (or the version the request names) and runs it.</summary>
    /// <exception cref="KeyNotFoundException">The definition (or version) does not exist, or has no published version.</exception>
    public async Task<WorkflowInstance> StartAsync(string definitionId, StartRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var definition = await ResolveAsync(definitionId, request.VersionId, cancellationToken);
        var options = new StartWorkflowOptions
        {
            Input = request.Input,
            CorrelationId = request.CorrelationId,
            FlowchartMode = request.FlowchartMode,
        };

        // Only a start for an event can be a repeat; this one is new.
        return await StartAsync(definition, options, occurrence: null, eventId: null, cancellationToken)
            ?? throw new InvalidOperationException("A start without an event id is never a repeat.");
    }

    /// <summary>
    /// Runs a new instance and commits it: once at the end of the run (it finished or suspended), or, committing per
    /// activity, after every activity. A trigger occurrence is marked started, and the receipt of an event recorded, in the
    /// first commit.
    /// </summary>
    /// <returns>The instance; null when <paramref name="eventId"/> started it before (here or in another runtime).</returns>
    private async Task<WorkflowInstance?> StartAsync(
        WorkflowDefinition definition, StartWorkflowOptions options, TriggerOccurrence? occurrence, string? eventId, CancellationToken cancellationToken)
    {
        // The id is fixed before the run so that the instance is locked in this process from its first commit on: recovery
        // here must not take it for abandoned, nor a resume run it, while this start still runs it.
        options = options.InstanceId is null ? options with { InstanceId = Guid.NewGuid().ToString("N") } : options;
        using var _ = await _locks.AcquireAsync(options.InstanceId!, cancellationToken);

        // Checked under the lock, so a repeat in this process waits for the first start's commit and then skips; a repeat
        // in another runtime that gets past this check is refused by the database below (the instance id is taken).
        if (eventId is not null && await instances.HasReceivedAsync(eventId, options.InstanceId!, cancellationToken))
        {
            return null;
        }

        var checkpoint = CheckpointFor(inserted: false, occurrence, eventId);
        WorkflowInstance instance;
        try
        {
            await using (checkpoint is null ? null : RenewLease(options.InstanceId!))
            {
                instance = await engine.StartAsync(definition, options, checkpoint?.Commit, cancellationToken);
            }
        }
        catch (DuplicateInstanceException) when (eventId is not null)
        {
            return null;
        }

        if (checkpoint is { Inserted: true })
        {
            if (!await instances.SaveAsync(instance, NewLease(), release: true, eventId: null, cancellationToken))
            {
                throw new InstanceBusyException(instance.Id);
            }
        }
        else if (!await instances.InsertAsync(instance, lease: null, occurrence, eventId, cancellationToken))
        {
            return eventId is not null ? null : throw new DuplicateInstanceException(instance.Id);
        }

        return instance;
    }

    /// <summary>
    /// Starts an instance at one of its definition's triggers (an event arrived, a timer fired). A scheduled occurrence or
    /// an event with an id fixes the instance id, so that it can start only one instance.
    /// <para>
    /// The definition's activation strategy (Elsa's <c>options.activationStrategyType</c>) may refuse the start: a
    /// correlated singleton, for example, starts nothing for a record while an instance for it still runs.
    /// </para>
    /// </summary>
    /// <returns>
    /// The instance; null when the event with <paramref name="eventId"/> started it before, or the activation strategy refused it.
    /// </returns>
    private async Task<WorkflowInstance?> StartFromTriggerAsync(
        WorkflowTrigger trigger, object? payload, string? correlationId, TriggerOccurrence? occurrence, string? eventId, CancellationToken cancellationToken)
    {
        var definition = await _cache.GetAsync(trigger.DefinitionVersionId, cancellationToken);
        var strategy = ActivationStrategies.Of(definition);
        if (ActivationStrategies.LockKey(strategy, definition.DefinitionId, correlationId) is not { } key)
        {
            return await StartFromTriggerAsync(definition, trigger, payload, correlationId, occurrence, eventId, cancellationToken);
        }

        // Held until the new instance is committed, so that a second start here sees it running.
        using var _ = await _locks.AcquireAsync(key, cancellationToken);
        if (!await ActivationStrategies.AllowsAsync(instances, strategy, definition.DefinitionId, correlationId, cancellationToken))
        {
            logger.LogInformation("{DefinitionId} did not start for {CorrelationId}: its activation strategy ({Strategy}) allows no second running instance.",
                definition.DefinitionId, correlationId, strategy);
            return null;
        }

        return await StartFromTriggerAsync(definition, trigger, payload, correlationId, occurrence, eventId, cancellationToken);
    }

    private async Task<WorkflowInstance?> StartFromTriggerAsync(WorkflowDefinition definition,
        WorkflowTrigger trigger, object? payload, string? correlationId, TriggerOccurrence? occurrence, string? eventId, CancellationToken cancellationToken) =>
        await StartAsync(definition, new StartWorkflowOptions
        {
            InstanceId = occurrence?.InstanceId ?? (eventId is null ? null : EventInstanceId(eventId, trigger)),
            CorrelationId = correlationId,
            TriggerActivityId = trigger.ActivityId,
            TriggerPayload = payload,
        }, occurrence, eventId, cancellationToken);

    private async Task<WorkflowDefinition> ResolveAsync(string definitionId, string? versionId, CancellationToken cancellationToken)
    {
        if (versionId is not null)
        {
            var version = await definitions.FindVersionAsync(versionId, cancellationToken);
            return version is not null && version.DefinitionId == definitionId
                ? _cache.Get(version)
                : throw new KeyNotFoundException($"Workflow definition '{definitionId}' has no version '{versionId}'.");
        }

        // Ids and states only; the published version's JSON comes from the cache (published versions never change).
        var versions = await definitions.ListVersionStatesAsync(definitionId, cancellationToken);
        if (versions.Count == 0)
        {
            throw new KeyNotFoundException($"There is no workflow definition '{definitionId}'.");
        }

        var published = versions.FirstOrDefault(v => v.State == DefinitionState.Published).VersionId ?? throw new DefinitionNotPublishedException(definitionId);
        return await _cache.GetAsync(published, cancellationToken);
    }
}
