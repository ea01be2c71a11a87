using SfaFlow.Workflows.Activities.Catalog;
using SfaFlow.Workflows.Compilation;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Expressions;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Execution;

public sealed partial class WorkflowEngine
{
    public async Task<WorkflowInstance> StartAsync(WorkflowDefinition definition, StartWorkflowOptions? options = null, CancellationToken cancellationToken = default)
        => await StartAsync(definition, options, checkpoint: null, cancellationToken);

    /// <summary>Starts an instance; <paramref name="checkpoint"/>, when given, is called after each activity (commit per activity).</summary>
    public Task<WorkflowInstance> StartAsync(
        WorkflowDefinition definition, StartWorkflowOptions? options, Func<WorkflowInstance, CancellationToken, ValueTask>? checkpoint, CancellationToken cancellationToken = default) =>
        StartAsync(definition, options, RunHooks.EveryActivity(checkpoint), cancellationToken);

    /// <summary>Starts an instance, with the runtime's checkpoints and cancel handle.</summary>
    public async Task<WorkflowInstance> StartAsync(
        WorkflowDefinition definition, StartWorkflowOptions? options, RunHooks hooks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hooks);
        var plan = Prepare(definition);
        options ??= new StartWorkflowOptions();
        var instance = NewInstance(definition, plan, options);
        var trigger = options.TriggerActivityId is { } triggerId ? new StartTrigger(triggerId, options.TriggerPayload) : null;
        using var run = new WorkflowRun(_services, plan, instance, cancellationToken) { Trigger = trigger, Hooks = hooks };
        run.Enqueue(WorkItem.Execute(plan.Root, parent: null));
        await run.RunAsync();
        return instance;
    }

    /// <summary>
    /// An instance that is refused before it runs (the runtime's guards: an event's causation chain too deep, a definition
    /// starting too often from one cause): Faulted from the start, with an incident at its trigger saying why.
    /// </summary>
    public WorkflowInstance Refuse(WorkflowDefinition definition, StartWorkflowOptions options, string kind, string message)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plan = Prepare(definition);
        var instance = NewInstance(definition, plan, options);
        var node = plan.NodesById.Values.FirstOrDefault(n => n.Id == options.TriggerActivityId) ?? plan.Root;
        instance.Incidents.Add(new Incident
        {
            Id = Guid.NewGuid().ToString("N"),
            ActivityId = node.Id,
            ActivityNodeId = node.NodeId,
            ActivityType = node.Type,
            Kind = kind,
            Message = message,
            Timestamp = instance.CreatedAt,
        });
        instance.Status = WorkflowStatus.Finished;
        instance.SubStatus = WorkflowSubStatus.Faulted;
        instance.FinishedAt = instance.CreatedAt;
        return instance;
    }

    private WorkflowInstance NewInstance(WorkflowDefinition definition, WorkflowPlan plan, StartWorkflowOptions options)
    {
        var now = _services.Clock.GetUtcNow();
        var instance = new WorkflowInstance
        {
            Id = options.InstanceId ?? Guid.NewGuid().ToString("N"),
            DefinitionId = definition.DefinitionId,
            DefinitionVersionId = definition.Id,
            DefinitionVersion = definition.Version,
            CorrelationId = options.CorrelationId,
            Name = definition.Name,
            FlowchartMode = options.FlowchartMode ?? plan.FlowchartMode ?? _options.DefaultFlowchartMode,
            Status = WorkflowStatus.Running,
            SubStatus = WorkflowSubStatus.Pending,
            CreatedAt = now,
            UpdatedAt = now,
            CausedBy = options.CausedBy,
        };

        foreach (var (name, value) in options.Input ?? new Dictionary<string, object?>())
        {
            instance.Input[name] = ConvertInput(definition, name, value is System.Text.Json.JsonElement element ? ValueConverter.FromJsonElement(element) : value);
        }

        foreach (var variable in definition.Variables)
        {
            instance.Variables[variable.Id] = variable.Value is { } value
                ? ValueConverter.Convert(value, variable.IsArray ? typeof(object) : TypeAliases.Resolve(variable.TypeName))
                : null;
        }

        return instance;
    }

    /// <summary>A declared input is converted to its declared type; undeclared inputs pass as they are.</summary>
    /// <exception cref="ArgumentException">The value cannot be read as the declared type.</exception>
    private static object? ConvertInput(WorkflowDefinition definition, string name, object? value)
    {
        var declared = definition.Inputs.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));
        if (declared is null || value is null)
        {
            return value;
        }

        try
        {
            return ValueConverter.Convert(value, TypeAliases.Resolve(declared.Type));
        }
        catch (ValueConversionException exception)
        {
            throw new ArgumentException($"Input '{declared.Name}' is declared as {declared.Type}: {exception.Message}", nameof(name), exception);
        }
    }
}
