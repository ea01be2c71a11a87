using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SfaFlow.Workflows.Activities.Catalog;
using SfaFlow.Workflows.Activities.Composition;
using SfaFlow.Workflows.Compilation;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime.Triggers;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Workflows.Execution;

/// <summary>
/// Runs workflow definitions in memory: start an instance, resume it by bookmark, cancel it, retry it after an incident.
/// Each call runs one burst and returns the instance in its new state; persisting it is the caller's business. Calls for
/// one instance must not overlap (the durable runtime serializes them).
/// </summary>
public sealed partial class WorkflowEngine
{
    private readonly ConditionalWeakTable<WorkflowDefinition, WorkflowPlan> _plans = [];
    private readonly WorkflowCompiler _compiler;
    private readonly EngineServices _services;
    private readonly WorkflowEngineOptions _options;

    public WorkflowEngine(
        ActivityRegistry activities,
        ScriptHost scripts,
        TimeProvider clock,
        IServiceProvider services,
        IOptions<WorkflowEngineOptions> options,
        ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Activities = activities;
        _compiler = new WorkflowCompiler(activities);
        _options = options.Value;
        _services = new EngineServices(services, clock, scripts, loggers ?? NullLoggerFactory.Instance, _options);
    }

    public ActivityRegistry Activities { get; }

    /// <summary>
    /// Makes a definition usable as an activity in other workflows, under its name Pascal-cased (Elsa's
    /// <c>usableAsActivity</c>). Registering a newer version of the same definition replaces the older one.
    /// </summary>
    public ActivityDescriptor RegisterWorkflowActivity(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var activity = new WorkflowDefinitionActivity(definition);
        if (Activities.Find(activity.TypeKey) is { Activity: WorkflowDefinitionActivity })
        {
            Activities.Unregister(activity.TypeKey);
        }

        return Activities.Register(activity.Describe());
    }

    /// <summary>Reads Elsa JSON and checks it; the definition is null when there are errors.</summary>
    public DefinitionReadResult Validate(string json)
    {
        var read = ElsaJsonReader.Read(json);
        if (read.Definition is null || !read.Succeeded)
        {
            return read;
        }

        IReadOnlyList<DefinitionDiagnostic> diagnostics = [.. read.Diagnostics, .. Validate(read.Definition)];
        return new DefinitionReadResult(diagnostics.Any(d => d.IsError) ? null : read.Definition, diagnostics);
    }

    /// <summary>Everything that would stop the definition from running, and warnings.</summary>
    public IReadOnlyList<DefinitionDiagnostic> Validate(WorkflowDefinition definition) => _compiler.Compile(definition).Diagnostics;

    /// <summary>
    /// Whether the trigger activity <paramref name="activityId"/> of the definition's root flowchart takes the event: its
    /// filter when it is an <see cref="IEventTrigger"/>, else yes.
    /// </summary>
    /// <exception cref="Exception">The filter failed (callers log it and treat it as "no").</exception>
    public bool TriggerAccepts(WorkflowDefinition definition, string activityId, object? payload)
    {
        var node = Prepare(definition).Root.Flowchart?.Activities.FirstOrDefault(n => n.Id == activityId);
        return node?.Descriptor?.Activity is not IEventTrigger trigger || trigger.Accepts(node.LiteralInputs(), payload, _services.Services);
    }

    /// <summary>The fan-out of a scheduled trigger activity of the root flowchart with its literal inputs; null when it has none.</summary>
    public (IScheduledFanOut FanOut, IReadOnlyDictionary<string, object?> Settings, IServiceProvider Services)? FanOutOf(WorkflowDefinition definition, string activityId)
    {
        var node = Prepare(definition).Root.Flowchart?.Activities.FirstOrDefault(n => n.Id == activityId);
        return node?.Descriptor?.Activity is IScheduledFanOut fanOut ? (fanOut, node.LiteralInputs(), _services.Services) : null;
    }

    /// <summary>Compiles the definition once; later calls with the same definition object reuse the plan.</summary>
    /// <exception cref="WorkflowDefinitionException">The definition has errors.</exception>
    public WorkflowPlan Prepare(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var generation = Activities.Generation;
        if (_plans.TryGetValue(definition, out var cached) && cached.RegistryGeneration == generation)
        {
            return cached;
        }

        var (plan, diagnostics) = _compiler.Compile(definition);
        if (plan is null)
        {
            throw new WorkflowDefinitionException([.. diagnostics.Where(d => d.IsError)]);
        }

        plan.RegistryGeneration = generation;
        _plans.AddOrUpdate(definition, plan);
        return plan;
    }

    private static void EnsureRunnable(WorkflowInstance instance, string verb)
    {
        if (instance.IsFinished)
        {
            throw new InvalidOperationException($"Instance '{instance.Id}' has finished ({instance.SubStatus}) and cannot be {verb}.");
        }
    }
}
