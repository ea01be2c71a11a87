using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SfaFlow.Plugins.Activities;

namespace SfaFlow.Plugins.Samples.Tests.Fakes;

/// <summary>Runs one activity outside a workflow: inputs set by slot, outputs and outcomes recorded.</summary>
public sealed class FakeActivityContext(IServiceProvider services, string? correlationId = null) : IActivityExecutionContext
{
    private readonly Dictionary<ActivityPort, object?> _inputs = [];

    public Dictionary<ActivityPort, object?> Outputs { get; } = [];

    public List<string> Outcomes { get; } = [];

    public string ActivityId => "activity1";

    public string? ActivityName => null;

    public string ActivityType => "Test";

    public string WorkflowInstanceId => "instance1";

    public string WorkflowDefinitionId => "definition1";

    public string? CorrelationId { get; set; } = correlationId;

    public string IdempotencyKey => "instance1:activity1:1";

    public bool IsTriggerOfThisRun => false;

    public object? TriggerPayload => null;

    public DateTimeOffset Now => new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    public IServiceProvider Services { get; } = services;

    public ILogger Logger => NullLogger.Instance;

    public CancellationToken CancellationToken => CancellationToken.None;

    public IReadOnlyDictionary<string, object?> WorkflowInput { get; } = new Dictionary<string, object?>();

    public IDictionary<string, object?> State { get; } = new Dictionary<string, object?>();

    public FakeActivityContext With<T>(Input<T> input, T value)
    {
        _inputs[input] = value;
        return this;
    }

    public T? Output<T>(Output<T> output) => Outputs.TryGetValue(output, out var value) ? (T?)value : default;

    public T? GetInput<T>(Input<T> input) => _inputs.TryGetValue(input, out var value) ? (T?)value : default;

    public void SetOutput<T>(Output<T> output, T? value) => Outputs[output] = value;

    public object? GetVariable(string name) => null;

    public void SetVariable(string name, object? value)
    {
    }

    public void SetWorkflowOutput(string name, object? value)
    {
    }

    public void Complete(params string[] outcomes) => Outcomes.AddRange(outcomes.Length == 0 ? [WorkflowActivity.DoneOutcome] : outcomes);

    public string CreateBookmark(BookmarkRequest request) => throw new NotSupportedException("The sample plugins' activities never wait.");
}
