namespace SfaFlow.Sales.Workflows.Effects;

/// <summary>
/// The record that an activity execution's effect on the sales records was committed: written in the same transaction as
/// the effect, keyed by the execution's idempotency key (instance, execution, attempt). A run repeated after a crash (the
/// instance was not committed yet) finds it and takes the stored result instead of doing the effect again.
/// </summary>
public sealed class WorkflowEffect
{
    /// <summary>The execution's idempotency key: <c>{instance}:{execution}:{attempt}</c>.</summary>
    public required string Key { get; set; }

    public required string InstanceId { get; set; }

    public required string ActivityType { get; set; }

    /// <summary>What the effect produced (ids, values), as JSON, for the activity's outputs on a repeat.</summary>
    public required string Result { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
