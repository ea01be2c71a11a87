namespace SfaFlow.Sales.Auditing;

/// <summary>Who makes a change (a user, a workflow, the system) and, for overrides, why. The audit log records it.</summary>
public sealed record ChangeActor(long? UserId, string? WorkflowInstanceId = null, string? Reason = null)
{
    public static ChangeActor System { get; } = new(UserId: null);

    public static ChangeActor User(long userId, string? reason = null) => new(userId, Reason: reason);
}
