using System.Text.Json;
using Microsoft.Extensions.Logging;
using SfaFlow.Plugins.Activities;

namespace SfaFlow.Workflows.Plugins;

/// <summary>
/// The context a plugin activity sees: the engine's, with the plugin's scoped services and a token that also fires at the
/// activity's deadline. Once closed (the activity returned or was abandoned) every change is refused, so an abandoned
/// activity that carries on in the background cannot touch an instance the engine has moved past. Values the plugin hands
/// the instance (outputs, variables, workflow outputs) are converted to host data with the load's serializer options first,
/// as script function results are: the instance (and the host's static serializer caches that write it and hand it to
/// scripts) must never hold the plugin's types, or the plugin's context could not unload.
/// </summary>
internal sealed class PluginActivityContext(IActivityExecutionContext inner, IServiceProvider services, JsonSerializerOptions pluginJson, CancellationToken cancellationToken)
    : IActivityExecutionContext
{
    private readonly Lock _gate = new();
    private bool _closed;

    public string ActivityId => inner.ActivityId;

    public string? ActivityName => inner.ActivityName;

    public string ActivityType => inner.ActivityType;

    public string WorkflowInstanceId => inner.WorkflowInstanceId;

    public string WorkflowDefinitionId => inner.WorkflowDefinitionId;

    public string? CorrelationId
    {
        get => Guard(() => inner.CorrelationId);
        set => Guard(() => inner.CorrelationId = value);
    }

    public string IdempotencyKey => inner.IdempotencyKey;

    public bool IsTriggerOfThisRun => inner.IsTriggerOfThisRun;

    public object? TriggerPayload => inner.TriggerPayload;

    public DateTimeOffset Now => inner.Now;

    public IServiceProvider Services { get; } = services;

    public ILogger Logger => inner.Logger;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public IReadOnlyDictionary<string, object?> WorkflowInput => inner.WorkflowInput;

    public IDictionary<string, object?> State => Guard(() => inner.State);

    public T? GetInput<T>(Input<T> input) => Guard(() => inner.GetInput(input));

    public void SetOutput<T>(Output<T> output, T? value)
    {
        ArgumentNullException.ThrowIfNull(output);
        // The same slot, untyped, so that the engine records (and binds to a variable) the converted value.
        var slot = new Output<object?>();
        slot.AttachTo(output.Name, output.Index);
        var plain = Plain(value);
        Guard(() => inner.SetOutput(slot, plain));
    }

    public object? GetVariable(string name) => Guard(() => inner.GetVariable(name));

    public void SetVariable(string name, object? value)
    {
        var plain = Plain(value);
        Guard(() => inner.SetVariable(name, plain));
    }

    public void SetWorkflowOutput(string name, object? value)
    {
        var plain = Plain(value);
        Guard(() => inner.SetWorkflowOutput(name, plain));
    }

    public void Complete(params string[] outcomes) => Guard(() => inner.Complete(outcomes));

    public string CreateBookmark(BookmarkRequest request) => Guard(() => inner.CreateBookmark(request));

    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
        }
    }

    /// <summary>
    /// Values of the base library's own non-generic types (text, numbers, dates, ids) as they are; anything else (records,
    /// lists, dictionaries, the plugin's enums) as JSON written with the load's options.
    /// </summary>
    private object? Plain(object? value) =>
        value?.GetType() is { } type && (type.Assembly != typeof(object).Assembly || type.IsGenericType || type.IsArray)
            ? PlainValues.FromPlugin(value, pluginJson)
            : value;

    private void Guard(Action action) => Guard(() =>
    {
        action();
        return 0;
    });

    private T Guard<T>(Func<T> action)
    {
        lock (_gate)
        {
            return _closed
                ? throw new InvalidOperationException($"The execution of '{inner.ActivityType}' is over (finished or past its deadline); it can no longer change the workflow.")
                : action();
        }
    }
}
