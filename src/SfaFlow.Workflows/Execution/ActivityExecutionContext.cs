using Microsoft.Extensions.Logging;
using SfaFlow.Plugins.Activities;
using SfaFlow.Workflows.Compilation;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Workflows.Execution;

/// <summary>
/// One execution of an activity inside a run: the live counterpart of an <see cref="ActivityContextState"/>. Activities see
/// it through <see cref="IActivityExecutionContext"/>; scripts through <see cref="IScriptScope"/>.
/// </summary>
internal sealed partial class ActivityExecutionContext(
    WorkflowRun run, PlanNode node, ActivityExecutionContext? parent, ActivityContextState state)
    : IActivityExecutionContext, IScriptScope
{
    public WorkflowRun Run { get; } = run;

    public PlanNode Node { get; } = node;

    public ActivityExecutionContext? Parent { get; } = parent;

    public ActivityContextState State { get; } = state;

    public ActivityStatus Status => State.Status;

    /// <summary>Outcomes recorded by <see cref="Complete"/> while the activity's code is running.</summary>
    internal IReadOnlyList<string>? PendingOutcomes { get; private set; }

    internal int BookmarksCreated { get; private set; }

    internal bool Invoking { get; private set; }

    internal bool IsTrigger { get; init; }

    internal JournalEntry? Journal { get; set; }

    public string ActivityId => Node.Id;

    public string? ActivityName => Node.Node.Name;

    public string ActivityType => Node.Type;

    public string WorkflowInstanceId => Run.Instance.Id;

    public string WorkflowDefinitionId => Run.Instance.DefinitionId;

    public string WorkflowDefinitionVersionId => Run.Instance.DefinitionVersionId;

    public int WorkflowDefinitionVersion => Run.Instance.DefinitionVersion;

    public string? CorrelationId
    {
        get => Run.Instance.CorrelationId;
        set => Run.Instance.CorrelationId = value;
    }

    public string? WorkflowInstanceName
    {
        get => Run.Instance.Name;
        set => Run.Instance.Name = value;
    }

    public string IdempotencyKey => $"{Run.Instance.Id}:{State.Id}:{State.Attempt}";

    bool IActivityExecutionContext.IsTriggerOfThisRun => IsTrigger;

    public object? TriggerPayload { get; init; }

    public DateTimeOffset Now => Run.Now;

    public IServiceProvider Services => Run.Services;

    public ILogger Logger => Run.CreateLogger(Node.Type);

    public CancellationToken CancellationToken => Run.CancellationToken;

    public IReadOnlyDictionary<string, object?> WorkflowInput => Run.Instance.Input;

    IDictionary<string, object?> IActivityExecutionContext.State =>
        State.State ??= new Dictionary<string, object?>(StringComparer.Ordinal);

    public T? GetInput<T>(Input<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var compiled = input.Index < Node.Inputs.Length ? Node.Inputs[input.Index] : null;
        return compiled is null ? default : (T?)compiled.Evaluate(this);
    }

    public void SetOutput<T>(Output<T> output, T? value)
    {
        ArgumentNullException.ThrowIfNull(output);
        Run.RecordOutput(this, output.Name, value);
        if (output.Index < Node.OutputBindings.Length && Node.OutputBindings[output.Index] is { } variableId)
        {
            SetVariableById(variableId, value);
        }
    }

    public void SetWorkflowOutput(string name, object? value) => Run.Instance.Output[name] = value;

    public void Complete(params string[] outcomes)
    {
        IReadOnlyList<string> result = outcomes is null || outcomes.Length == 0 ? Outcomes.Done : outcomes;
        if (Invoking)
        {
            PendingOutcomes = result;
        }
        else
        {
            Run.CompleteActivity(this, result);
        }
    }

    public string CreateBookmark(BookmarkRequest request)
    {
        var bookmark = Run.AddBookmark(this, request);
        BookmarksCreated++;
        return bookmark.Id;
    }

    internal void BeginInvocation()
    {
        Invoking = true;
        PendingOutcomes = null;
        BookmarksCreated = 0;
    }

    internal void EndInvocation() => Invoking = false;

    public object? EvaluateScript(CompiledScript script) => Run.Scripts.Evaluate(script, this);

    public override string ToString() => $"{Node} [{State.Id}, {Status}]";
}
