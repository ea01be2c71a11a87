using Microsoft.Extensions.Logging;

namespace SfaFlow.Plugins.Activities;

/// <summary>Everything one execution of an activity can see and do.</summary>
public interface IActivityExecutionContext
{
    /// <summary>The id of the activity in the workflow definition.</summary>
    string ActivityId { get; }

    /// <summary>The activity's display name in the definition, if it has one.</summary>
    string? ActivityName { get; }

    /// <summary>The activity's type key.</summary>
    string ActivityType { get; }

    /// <summary>The workflow instance this execution belongs to.</summary>
    string WorkflowInstanceId { get; }

    /// <summary>The workflow definition id (stable across versions).</summary>
    string WorkflowDefinitionId { get; }

    /// <summary>The instance's correlation id, for example the id of the lead the workflow is about.</summary>
    string? CorrelationId { get; set; }

    /// <summary>
    /// A key that stays the same if this very execution is retried after a crash, and changes for a new attempt after an
    /// incident: <c>instance:activity-instance:attempt</c>. Pass it to outside systems so they can drop duplicates.
    /// </summary>
    string IdempotencyKey { get; }

    /// <summary>
    /// True when this activity is the trigger that started the instance (for example the event that arrived); it should
    /// then complete at once instead of waiting.
    /// </summary>
    bool IsTriggerOfThisRun { get; }

    /// <summary>The payload that started the instance when <see cref="IsTriggerOfThisRun"/> is true.</summary>
    object? TriggerPayload { get; }

    /// <summary>The current time, from the host's clock (tests replace it).</summary>
    DateTimeOffset Now { get; }

    /// <summary>The host's services.</summary>
    IServiceProvider Services { get; }

    /// <summary>A logger named after the activity type.</summary>
    ILogger Logger { get; }

    /// <summary>Signalled when the host stops or the run is abandoned.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>Evaluates an input's expression and converts the result to <typeparamref name="T"/>.</summary>
    T? GetInput<T>(Input<T> input);

    /// <summary>Records an output value; it is also copied into the variable the workflow bound the output to.</summary>
    void SetOutput<T>(Output<T> output, T? value);

    /// <summary>Reads a workflow or flowchart variable by name; null when it does not exist.</summary>
    object? GetVariable(string name);

    /// <summary>Sets a variable by name, creating it on the workflow when no scope declares it.</summary>
    void SetVariable(string name, object? value);

    /// <summary>The input the workflow instance was started with.</summary>
    IReadOnlyDictionary<string, object?> WorkflowInput { get; }

    /// <summary>Sets a workflow output.</summary>
    void SetWorkflowOutput(string name, object? value);

    /// <summary>
    /// Values kept with this execution of the activity while it waits on a bookmark (persisted with the instance). Keep
    /// them small and JSON-friendly: strings, numbers, booleans.
    /// </summary>
    IDictionary<string, object?> State { get; }

    /// <summary>Completes the activity with the given outcomes (ports); with none, completes with <c>Done</c>.</summary>
    void Complete(params string[] outcomes);

    /// <summary>Suspends the activity until the bookmark is resumed; returns the new bookmark's id.</summary>
    string CreateBookmark(BookmarkRequest request);
}
