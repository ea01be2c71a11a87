using Microsoft.Extensions.Logging;
using SfaFlow.Workflows.Causation;
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
        var instanceId = Guid.NewGuid().ToString("N");
        var options = new StartWorkflowOptions
        {
            InstanceId = instanceId,
            Input = request.Input,
            CorrelationId = request.CorrelationId,
            FlowchartMode = request.FlowchartMode,
            CausedBy = CausationChain.Through(null, new CausationLink("Execute", null, request.CorrelationId, definition.DefinitionId, instanceId)),
        };

        // Only a start for an event can be a repeat; this one is new.
        return await StartAsync(definition, options, occurrence: null, EventDelivery.None, cancellationToken)
            ?? throw new InvalidOperationException("A start without an event id is never a repeat.");
    }

    /// <summary>
    /// Runs a new instance and commits it: once at the end of the run (it finished or suspended), or, committing per
    /// activity, after every activity. A trigger occurrence is marked started, and the receipt of an event recorded, in the
    /// first commit.
    /// </summary>
    /// <returns>The instance; null when its event started it before (here or in another runtime).</returns>
    private async Task<WorkflowInstance?> StartAsync(
        WorkflowDefinition definition, StartWorkflowOptions options, TriggerOccurrence? occurrence, EventDelivery delivery, CancellationToken cancellationToken)
    {
        // The id is fixed before the run so that the instance is locked in this process from its first commit on: recovery
        // here must not take it for abandoned, nor a resume run it, while this start still runs it.
        var instanceId = options.InstanceId ?? throw new ArgumentException("A start needs its instance id.", nameof(options));
        var eventId = delivery.EventId;
        using var _ = await _locks.AcquireAsync(instanceId, cancellationToken);

        // Checked under the lock, so a repeat in this process waits for the first start's commit and then skips; a repeat
        // in another runtime that gets past this check is refused by the database below (the instance id is taken).
        if (eventId is not null && await instances.HasReceivedAsync(eventId, instanceId, cancellationToken))
        {
            return null;
        }

        var checkpoint = CheckpointFor(inserted: false, occurrence, eventId);
        WorkflowInstance instance;
        try
        {
            await using (CommitsPerActivity ? RenewLease(instanceId) : null)
            {
                instance = await BurstAsync(instanceId, checkpoint, everyActivity: delivery.Careful,
                    (hooks, token) => engine.StartAsync(definition, options, hooks, token), cancellationToken);
            }
        }
        catch (DuplicateInstanceException) when (eventId is not null)
        {
            return null;
        }

        if (checkpoint.Inserted)
        {
            if (!await CommitFittingAsync(instance, () => instances.SaveAsync(instance, NewLease(), release: true, eventId: null, cancellationToken)))
            {
                throw new InstanceBusyException(instance.Id);
            }
        }
        else if (!await CommitFittingAsync(instance, () => instances.InsertAsync(instance, lease: null, occurrence, eventId, cancellationToken)))
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
    /// The instance; null when its event started it before, or the activation strategy refused it.
    /// </returns>
    private async Task<WorkflowInstance?> StartFromTriggerAsync(
        WorkflowTrigger trigger, Stimulus stimulus, TriggerOccurrence? occurrence, CancellationToken cancellationToken)
    {
        var definition = await _cache.GetAsync(trigger.DefinitionVersionId, cancellationToken);
        var strategy = ActivationStrategies.Of(definition);
        var correlationId = stimulus.CorrelationId;
        if (ActivationStrategies.LockKey(strategy, definition.DefinitionId, correlationId) is not { } key)
        {
            return await StartFromTriggerAsync(definition, trigger, stimulus, occurrence, cancellationToken);
        }

        // Held until the new instance is committed, so that a second start here sees it running.
        using var _ = await _locks.AcquireAsync(key, cancellationToken);
        if (!await ActivationStrategies.AllowsAsync(instances, strategy, definition.DefinitionId, correlationId, cancellationToken))
        {
            logger.LogInformation("{DefinitionId} did not start for {CorrelationId}: its activation strategy ({Strategy}) allows no second running instance.",
                definition.DefinitionId, correlationId, strategy);
            return null;
        }

        return await StartFromTriggerAsync(definition, trigger, stimulus, occurrence, cancellationToken);
    }

    private async Task<WorkflowInstance?> StartFromTriggerAsync(
        WorkflowDefinition definition, WorkflowTrigger trigger, Stimulus stimulus, TriggerOccurrence? occurrence, CancellationToken cancellationToken)
    {
        var instanceId = InstanceIdFor(trigger, stimulus, occurrence);
        return await StartAsync(definition, new StartWorkflowOptions
        {
            InstanceId = instanceId,
            CorrelationId = stimulus.CorrelationId,
            TriggerActivityId = trigger.ActivityId,
            TriggerPayload = stimulus.Payload,
            CausedBy = stimulus.CausesOf(definition.DefinitionId, instanceId),
        }, occurrence, stimulus.Delivery, cancellationToken);
    }

    /// <summary>
    /// Commits, in place of the instance a trigger would start, one that a runaway guard refused: Faulted from the start
    /// with an incident saying why, and the event's receipt, so that a redelivery refuses nothing twice.
    /// </summary>
    private async Task<WorkflowInstance?> RefuseStartAsync(WorkflowTrigger trigger, Stimulus stimulus, string kind, string message, CancellationToken cancellationToken)
    {
        var definition = await _cache.GetAsync(trigger.DefinitionVersionId, cancellationToken);
        var instanceId = InstanceIdFor(trigger, stimulus, occurrence: null);
        var instance = engine.Refuse(definition, new StartWorkflowOptions
        {
            InstanceId = instanceId,
            CorrelationId = stimulus.CorrelationId,
            TriggerActivityId = trigger.ActivityId,
            CausedBy = stimulus.CausesOf(definition.DefinitionId, instanceId),
        }, kind, message);
        logger.LogWarning("Refused to start {DefinitionId} for {Event}: {Reason}", definition.DefinitionId, stimulus.Name, message);
        return await instances.InsertAsync(instance, lease: null, occurrence: null, stimulus.Delivery.EventId, cancellationToken) ? instance : null;
    }

    /// <summary>A scheduled occurrence or an event with an id fixes the instance id, so that it can start only one instance.</summary>
    private static string InstanceIdFor(WorkflowTrigger trigger, Stimulus stimulus, TriggerOccurrence? occurrence) =>
        occurrence?.InstanceId ?? (stimulus.Delivery.EventId is { } eventId ? EventInstanceId(eventId, trigger) : Guid.NewGuid().ToString("N"));

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
