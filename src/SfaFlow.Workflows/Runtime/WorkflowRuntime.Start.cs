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
        return await StartAsync(definition, new StartWorkflowOptions
        {
            Input = request.Input,
            CorrelationId = request.CorrelationId,
            FlowchartMode = request.FlowchartMode,
        }, occurrence: null, cancellationToken);
    }

    /// <summary>
    /// Runs a new instance and commits it: once at the end of the run (it finished or suspended), or, committing per
    /// activity, after every activity. A trigger occurrence is marked started in the same commit.
    /// </summary>
    private async Task<WorkflowInstance> StartAsync(
        WorkflowDefinition definition, StartWorkflowOptions options, TriggerOccurrence? occurrence, CancellationToken cancellationToken)
    {
        // The id is fixed before the run so that the instance is locked in this process from its first commit on: recovery
        // here must not take it for abandoned, nor a resume run it, while this start still runs it.
        options = options.InstanceId is null ? options with { InstanceId = Guid.NewGuid().ToString("N") } : options;
        using var _ = await _locks.AcquireAsync(options.InstanceId!, cancellationToken);
        WorkflowInstance instance;
        await using (CommitsPerActivity ? RenewLease(options.InstanceId!) : null)
        {
            instance = await engine.StartAsync(definition, options, CheckpointFor(inserted: false, occurrence), cancellationToken);
        }

        var persisted = CommitsPerActivity && await instances.FindAsync(instance.Id, cancellationToken) is not null;
        if (persisted)
        {
            if (!await instances.SaveAsync(instance, NewLease(), release: true, cancellationToken))
            {
                throw new InstanceBusyException(instance.Id);
            }
        }
        else if (!await instances.InsertAsync(instance, lease: null, occurrence, cancellationToken))
        {
            throw new InvalidOperationException($"Workflow instance '{instance.Id}' exists already.");
        }

        return instance;
    }

    /// <summary>Starts an instance at one of its definition's triggers (an event arrived, a timer fired).</summary>
    private async Task<WorkflowInstance> StartFromTriggerAsync(
        WorkflowTrigger trigger, object? payload, string? correlationId, TriggerOccurrence? occurrence, CancellationToken cancellationToken)
    {
        var definition = await _cache.GetAsync(trigger.DefinitionVersionId, cancellationToken);
        return await StartAsync(definition, new StartWorkflowOptions
        {
            InstanceId = occurrence?.InstanceId,
            CorrelationId = correlationId,
            TriggerActivityId = trigger.ActivityId,
            TriggerPayload = payload,
        }, occurrence, cancellationToken);
    }

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
