using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SfaFlow.Workflows.Compilation;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Workflows.Execution;

/// <summary>
/// One burst of execution of an instance: a FIFO queue of work, run one item at a time until it is empty, then the
/// instance's status is settled (finished, or suspended on its bookmarks). Runs never overlap for one instance; the
/// runtime serializes them.
/// </summary>
internal sealed partial class WorkflowRun : IDisposable
{
    private readonly Queue<WorkItem> _queue = new();
    private readonly Dictionary<string, ActivityExecutionContext> _live = new(StringComparer.Ordinal);
    private readonly EngineServices _engine;
    private ScriptSession? _scripts;

    public WorkflowRun(EngineServices engine, WorkflowPlan plan, WorkflowInstance instance, CancellationToken cancellationToken)
    {
        _engine = engine;
        Plan = plan;
        Instance = instance;
        CancellationToken = cancellationToken;
        RestoreContexts();
        RestoreVariableTypes();
    }

    public WorkflowPlan Plan { get; }

    public WorkflowInstance Instance { get; }

    public CancellationToken CancellationToken { get; }

    public IServiceProvider Services => _engine.Services;

    public DateTimeOffset Now => _engine.Clock.GetUtcNow();

    /// <summary>The run's script engine, created on the first script.</summary>
    public ScriptSession Scripts => _scripts ??= _engine.Scripts.CreateSession();

    public ILogger CreateLogger(string category) => _engine.Loggers.CreateLogger(category);

    /// <summary>The trigger that starts this run, handed once to the root flowchart.</summary>
    public StartTrigger? Trigger { private get; init; }

    private bool _triggerTaken;

    public StartTrigger? TakeTrigger()
    {
        if (_triggerTaken)
        {
            return null;
        }

        _triggerTaken = true;
        return Trigger;
    }

    public ActivityExecutionContext? FindContext(string contextId) => _live.GetValueOrDefault(contextId);

    /// <summary>Live executions whose composite is <paramref name="parent"/>.</summary>
    public IEnumerable<ActivityExecutionContext> ChildrenOf(ActivityExecutionContext parent) =>
        _live.Values.Where(c => ReferenceEquals(c.Parent, parent));

    public void Enqueue(WorkItem item) => _queue.Enqueue(item);

    /// <summary>Whether any live execution belongs to <paramref name="parent"/> (running, waiting or faulted).</summary>
    public bool HasChildren(ActivityExecutionContext parent)
    {
        foreach (var context in _live.Values)
        {
            if (ReferenceEquals(context.Parent, parent))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an execution of <paramref name="node"/> inside <paramref name="parent"/> waits in the queue.</summary>
    public bool IsQueued(PlanNode node, ActivityExecutionContext parent)
    {
        foreach (var item in _queue)
        {
            if (!item.Canceled && ReferenceEquals(item.Node, node) && ReferenceEquals(item.Parent, parent))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether work queued for <paramref name="parent"/> itself is still waiting to run.</summary>
    public bool HasQueuedWork(ActivityExecutionContext parent)
    {
        foreach (var item in _queue)
        {
            if (!item.Canceled && ReferenceEquals(item.Parent ?? item.Context?.Parent, parent))
            {
                return true;
            }
        }

        return false;
    }

    public async Task RunAsync()
    {
        if (!Instance.IsFinished)
        {
            Instance.Status = WorkflowStatus.Running;
            Instance.SubStatus = WorkflowSubStatus.Executing;
        }

        // Record changes the activities make raise events that carry this run's causes on (see CausationScope).
        using var causes = Causation.CausationScope.Enter(Instance.CausedBy);
        var budget = new BurstBudget(_engine.Options.MaxActivitiesPerBurst, _engine.Options.MaxBurstDuration, Instance.Journal.Count);
        var checkpointedAt = Stopwatch.GetTimestamp();
        try
        {
            while (_queue.TryDequeue(out var item))
            {
                if (item.Canceled)
                {
                    continue;
                }

                if (Instance.IsFinished)
                {
                    // A fault (or Finish, or a cancel) ended the instance mid-burst: keep what was queued so a retry can run it.
                    KeepForRetry(item);
                    break;
                }

                CancellationToken.ThrowIfCancellationRequested();
                if (budget.Exceeded() is { } exceeded)
                {
                    StopRunaway(item, budget, exceeded);
                    break;
                }

                await ExecuteAsync(item);
                budget.Count();
                if (Hooks.Checkpoint is { } checkpoint && _queue.Count > 0 && !Instance.IsFinished && CheckpointDue(ref checkpointedAt))
                {
                    // Persist what is left to do with the state, so recovery can continue from here (and a long burst is seen).
                    Instance.PendingWork.AddRange(_queue.Where(i => !i.Canceled).Select(i => i.ToPending()));
                    await checkpoint(Instance, CancellationToken);
                    Instance.PendingWork.Clear();
                }
            }
        }
        catch (OperationCanceledException) when (Hooks.Control is { IsCancelRequested: true })
        {
            // An operator cancelled the instance while an activity of this burst was running.
        }

        if (Hooks.Control is { IsCancelRequested: true } && !Instance.IsFinished)
        {
            _queue.Clear();
            CancelInstance();
        }

        Settle();
    }

    /// <summary>How the runtime takes part: checkpoints and the cancel handle.</summary>
    public RunHooks Hooks { get; init; } = RunHooks.None;

    private bool CheckpointDue(ref long checkpointedAt)
    {
        if (Hooks.CheckpointInterval is not { } interval)
        {
            return true;
        }

        if (Stopwatch.GetElapsedTime(checkpointedAt) < interval)
        {
            return false;
        }

        checkpointedAt = Stopwatch.GetTimestamp();
        return true;
    }

    /// <summary>A fault ended the instance mid-burst: the item dequeued and everything still queued wait for a retry.</summary>
    private void KeepForRetry(WorkItem item)
    {
        if (Instance.SubStatus == WorkflowSubStatus.Faulted)
        {
            Instance.PendingWork.Add(item.ToPending());
            Instance.PendingWork.AddRange(_queue.Where(i => !i.Canceled).Select(i => i.ToPending()));
        }

        _queue.Clear();
    }

    public void Dispose() => _scripts?.Dispose();

    /// <summary>
    /// JSON keeps a variable's value but not its .NET type (a DateTimeOffset comes back as text); convert each declared
    /// variable back to its declared type so a deserialized instance behaves exactly like the original.
    /// </summary>
    private void RestoreVariableTypes()
    {
        Coerce(Plan.DeclaredVariables, Instance.Variables);
        foreach (var context in _live.Values)
        {
            if (context.Node.Flowchart is { } flowchart && context.State.Variables is { } values)
            {
                Coerce(flowchart.Variables, values);
            }
        }

        static void Coerce(IReadOnlyList<Definitions.VariableDefinition> declared, Dictionary<string, object?> values)
        {
            foreach (var variable in declared)
            {
                if (!variable.IsArray && values.TryGetValue(variable.Id, out var value) && value is not null)
                {
                    var type = Activities.Catalog.TypeAliases.Resolve(variable.TypeName);
                    if (!type.IsInstanceOfType(value))
                    {
                        values[variable.Id] = Expressions.ValueConverter.Convert(value, type);
                    }
                }
            }
        }
    }

    private void RestoreContexts()
    {
        var byId = Instance.Contexts.ToDictionary(s => s.Id, StringComparer.Ordinal);
        ActivityExecutionContext Restore(ActivityContextState state)
        {
            if (_live.TryGetValue(state.Id, out var known))
            {
                return known;
            }

            var node = Plan.NodesById.GetValueOrDefault(state.NodeId)
                ?? throw new InvalidOperationException(
                    $"Instance '{Instance.Id}' refers to activity '{state.NodeId}', which version {Instance.DefinitionVersion} of its definition does not have.");
            var parent = state.ParentId is null ? null : Restore(byId[state.ParentId]);
            var context = new ActivityExecutionContext(this, node, parent, state)
            {
                Journal = Instance.Journal.LastOrDefault(j => j.ActivityInstanceId == state.Id),
            };
            _live[state.Id] = context;
            return context;
        }

        foreach (var state in Instance.Contexts)
        {
            Restore(state);
        }
    }
}

/// <summary>The trigger activity that started an instance, and the payload that came with it.</summary>
internal sealed record StartTrigger(string ActivityId, object? Payload);

/// <summary>The engine services a run uses.</summary>
internal sealed record EngineServices(IServiceProvider Services, TimeProvider Clock, ScriptHost Scripts, ILoggerFactory Loggers, WorkflowEngineOptions Options);
