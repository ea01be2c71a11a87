using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SfaFlow.Workflows.Activities.Catalog;
using SfaFlow.Workflows.Activities.Composition;
using SfaFlow.Workflows.Compilation;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Expressions;
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
        _services = new EngineServices(services, clock, scripts, loggers ?? NullLoggerFactory.Instance);
        _options = options.Value;
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

    public async Task<WorkflowInstance> StartAsync(WorkflowDefinition definition, StartWorkflowOptions? options = null, CancellationToken cancellationToken = default)
        => await StartAsync(definition, options, checkpoint: null, cancellationToken);

    /// <summary>Starts an instance; <paramref name="checkpoint"/>, when given, is called after each activity (commit per activity).</summary>
    public async Task<WorkflowInstance> StartAsync(
        WorkflowDefinition definition, StartWorkflowOptions? options, Func<WorkflowInstance, CancellationToken, ValueTask>? checkpoint, CancellationToken cancellationToken = default)
    {
        var plan = Prepare(definition);
        options ??= new StartWorkflowOptions();
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

        var trigger = options.TriggerActivityId is { } triggerId ? new StartTrigger(triggerId, options.TriggerPayload) : null;
        using var run = new WorkflowRun(_services, plan, instance, cancellationToken) { Trigger = trigger, Checkpoint = checkpoint };
        run.Enqueue(WorkItem.Execute(plan.Root, parent: null));
        await run.RunAsync();
        return instance;
    }

    /// <summary>Resumes the activity waiting on a bookmark; the payload reaches it (an event's data, a task's result).</summary>
    /// <exception cref="BookmarkNotFoundException">The bookmark was already consumed or never existed.</exception>
    /// <exception cref="InvalidOperationException">The instance has finished.</exception>
    public Task<WorkflowInstance> ResumeAsync(
        WorkflowDefinition definition, WorkflowInstance instance, string bookmarkId, object? payload = null, CancellationToken cancellationToken = default) =>
        ResumeAsync(definition, instance, bookmarkId, payload, checkpoint: null, cancellationToken);

    /// <inheritdoc cref="ResumeAsync(WorkflowDefinition, WorkflowInstance, string, object?, CancellationToken)"/>
    public Task<WorkflowInstance> ResumeAsync(
        WorkflowDefinition definition, WorkflowInstance instance, string bookmarkId, object? payload,
        Func<WorkflowInstance, CancellationToken, ValueTask>? checkpoint, CancellationToken cancellationToken = default) =>
        ResumeAsync(definition, instance, [bookmarkId], payload, checkpoint, cancellationToken);

    /// <summary>
    /// Resumes several bookmarks with one payload in one run, in the given order: one event that several of an instance's
    /// activities wait on. Whatever one resume cancels or finishes, the later ones find done, as separate resumes would.
    /// </summary>
    /// <exception cref="BookmarkNotFoundException">A bookmark was already consumed or never existed.</exception>
    /// <exception cref="InvalidOperationException">The instance has finished.</exception>
    public async Task<WorkflowInstance> ResumeAsync(
        WorkflowDefinition definition, WorkflowInstance instance, IReadOnlyList<string> bookmarkIds, object? payload,
        Func<WorkflowInstance, CancellationToken, ValueTask>? checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(bookmarkIds);
        EnsureRunnable(instance, "resumed");
        var bookmarks = bookmarkIds
            .Select(id => instance.Bookmarks.FirstOrDefault(b => b.Id == id) ?? throw new BookmarkNotFoundException(instance.Id, id))
            .ToList();
        using var run = new WorkflowRun(_services, Prepare(definition), instance, cancellationToken) { Checkpoint = checkpoint };
        payload = payload is System.Text.Json.JsonElement element ? ValueConverter.FromJsonElement(element) : payload;
        foreach (var bookmark in bookmarks)
        {
            var context = run.FindContext(bookmark.ActivityInstanceId)
                ?? throw new InvalidOperationException($"Bookmark '{bookmark.Id}' belongs to activity execution '{bookmark.ActivityInstanceId}', which instance '{instance.Id}' no longer has.");
            if (bookmark.AutoBurn)
            {
                instance.Bookmarks.Remove(bookmark);
            }

            run.Enqueue(WorkItem.Resume(context, bookmark, payload));
        }

        await run.RunAsync();
        return instance;
    }

    /// <summary>Cancels the instance: everything running stops, its bookmarks are removed, and it ends Cancelled.</summary>
    public async Task<WorkflowInstance> CancelAsync(WorkflowDefinition definition, WorkflowInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        EnsureRunnable(instance, "cancelled");
        using var run = new WorkflowRun(_services, Prepare(definition), instance, cancellationToken);
        run.CancelInstance();
        await run.RunAsync();
        return instance;
    }

    /// <summary>Runs the faulted activities again (a new attempt each), then the work their fault interrupted.</summary>
    /// <exception cref="InvalidOperationException">Nothing in the instance can be retried.</exception>
    public async Task<WorkflowInstance> RetryAsync(WorkflowDefinition definition, WorkflowInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var faulted = instance.Contexts.Where(c => c.Status == ActivityStatus.Faulted).ToList();
        if (faulted.Count == 0)
        {
            throw new InvalidOperationException($"Instance '{instance.Id}' has no faulted activity to retry.");
        }

        using var run = new WorkflowRun(_services, Prepare(definition), instance, cancellationToken);
        run.EnqueueRetry(faulted);
        await run.RunAsync();
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

    /// <summary>
    /// Continues an instance whose run was interrupted after a commit-per-activity checkpoint: runs the work the
    /// checkpoint recorded as still to do.
    /// </summary>
    public async Task<WorkflowInstance> ContinueAsync(
        WorkflowDefinition definition, WorkflowInstance instance, Func<WorkflowInstance, CancellationToken, ValueTask>? checkpoint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        EnsureRunnable(instance, "continued");
        using var run = new WorkflowRun(_services, Prepare(definition), instance, cancellationToken) { Checkpoint = checkpoint };
        run.EnqueuePendingWork();
        await run.RunAsync();
        return instance;
    }

    private static void EnsureRunnable(WorkflowInstance instance, string verb)
    {
        if (instance.IsFinished)
        {
            throw new InvalidOperationException($"Instance '{instance.Id}' has finished ({instance.SubStatus}) and cannot be {verb}.");
        }
    }
}
