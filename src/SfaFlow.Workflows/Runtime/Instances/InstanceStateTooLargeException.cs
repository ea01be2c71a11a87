using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Runtime.Instances;

/// <summary>A store refused to write an instance whose serialized state is over <see cref="RuntimeOptions.MaxStateBytes"/>.</summary>
public sealed class InstanceStateTooLargeException(WorkflowInstance instance, long bytes, long limit)
    : Exception($"The state of workflow instance '{instance?.Id}' is {bytes:N0} bytes, over the limit of {limit:N0} bytes.")
{
    public WorkflowInstance Instance { get; } = instance ?? throw new ArgumentNullException(nameof(instance));

    public long Bytes { get; } = bytes;

    public long Limit { get; } = limit;
}
