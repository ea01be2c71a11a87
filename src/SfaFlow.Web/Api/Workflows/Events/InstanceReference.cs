using SfaFlow.Workflows.Instances;

namespace SfaFlow.Web.Api.Workflows.Events;

/// <summary>An instance named by id with its status; read the whole instance at <c>/api/workflow-instances/{id}</c>.</summary>
public sealed record InstanceReference(string Id, string DefinitionId, WorkflowStatus Status, WorkflowSubStatus SubStatus)
{
    public static InstanceReference From(WorkflowInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new InstanceReference(instance.Id, instance.DefinitionId, instance.Status, instance.SubStatus);
    }
}
