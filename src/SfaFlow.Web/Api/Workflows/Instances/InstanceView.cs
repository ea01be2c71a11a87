using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime.Definitions;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Web.Api.Workflows.Instances;

/// <summary>
/// A workflow instance as clients read it: status, data (variables by name), what it waits on, its history and its
/// incidents. The engine's bookkeeping (activity contexts, flowchart counters, pending work) stays out.
/// </summary>
public sealed record InstanceView(
    string Id,
    string DefinitionId,
    string DefinitionVersionId,
    int DefinitionVersion,
    string? Name,
    WorkflowStatus Status,
    WorkflowSubStatus SubStatus,
    string? CorrelationId,
    FlowchartMode FlowchartMode,
    IReadOnlyDictionary<string, object?> Input,
    IReadOnlyDictionary<string, object?> Outputs,
    IReadOnlyDictionary<string, object?> Variables,
    IReadOnlyList<BookmarkView> Bookmarks,
    IReadOnlyList<JournalEntryView> Journal,
    IReadOnlyList<IncidentView> Incidents,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt,
    LeaseView? Lease)
{
    /// <summary>The view, with variable names read from the version the instance is pinned to.</summary>
    public static async Task<InstanceView> LoadAsync(
        WorkflowInstance instance, Lease? lease, WorkflowDefinitionManager definitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(definitions);
        var version = await definitions.FindVersionAsync(instance.DefinitionVersionId, cancellationToken);
        return From(instance, version?.ToDefinition().Variables ?? [], lease);
    }

    public static InstanceView From(WorkflowInstance instance, IReadOnlyList<VariableDefinition> declared, Lease? lease)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(declared);
        return new InstanceView(
            instance.Id, instance.DefinitionId, instance.DefinitionVersionId, instance.DefinitionVersion, instance.Name,
            instance.Status, instance.SubStatus, instance.CorrelationId, instance.FlowchartMode,
            instance.Input, instance.Output, VariablesByName(instance, declared),
            [.. instance.Bookmarks.Select(BookmarkView.From)],
            [.. instance.Journal.Select(JournalEntryView.From)],
            [.. instance.Incidents.Select(IncidentView.From)],
            instance.CreatedAt, instance.UpdatedAt, instance.FinishedAt,
            lease is null ? null : new LeaseView(lease.Owner, lease.Until));
    }

    /// <summary>
    /// The instance keeps variables by id (Elsa's scheme, stable across renames); people and scripts know them by name.
    /// An id whose name is taken by another variable, or that the definition does not declare, stays as it is.
    /// </summary>
    private static Dictionary<string, object?> VariablesByName(WorkflowInstance instance, IReadOnlyList<VariableDefinition> declared)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in declared)
        {
            names.TryAdd(variable.Id, variable.Name);
        }

        var byName = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (id, value) in instance.Variables)
        {
            var key = names.TryGetValue(id, out var name) && !byName.ContainsKey(name) && !instance.Variables.ContainsKey(name) ? name : id;
            byName.TryAdd(key, value);
        }

        return byName;
    }
}
