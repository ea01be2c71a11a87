namespace SfaFlow.Workflows.Runtime;

/// <summary>
/// A start's instance id is taken: the instance was started already, for the same trigger occurrence or the same event
/// (both derive the id, so that a repeated start is refused by the database).
/// </summary>
internal sealed class DuplicateInstanceException(string instanceId)
    : InvalidOperationException($"Workflow instance '{instanceId}' exists already; this start is a duplicate.")
{
    public string InstanceId { get; } = instanceId;
}
