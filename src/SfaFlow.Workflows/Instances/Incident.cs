namespace SfaFlow.Workflows.Instances;

/// <summary>A problem an operator must see: an activity that faulted, a script that broke a limit, a join that can never fire.</summary>
public sealed record Incident
{
    public required string Id { get; init; }

    public required string ActivityId { get; init; }

    public required string ActivityNodeId { get; init; }

    public required string ActivityType { get; init; }

    public string? ActivityInstanceId { get; init; }

    /// <summary>
    /// What kind of problem it is when the runtime, not an activity, raised it (<see cref="IncidentKinds"/>): a loop that
    /// ran out of its burst budget, state over its cap, an instance parked after crashes. Null for an activity's fault.
    /// </summary>
    public string? Kind { get; init; }

    public required string Message { get; init; }

    /// <summary>The exception type and message, when an exception caused it.</summary>
    public string? ExceptionType { get; init; }

    /// <summary>Where in a script the problem was, when a script caused it.</summary>
    public ScriptLocation? Script { get; init; }

    public DateTimeOffset Timestamp { get; init; }
}

/// <summary>A position in a script, 1-based.</summary>
public sealed record ScriptLocation(int Line, int Column);
