using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Runtime.Instances;

/// <summary>A page of instances, filtered by status, sub-status, definition and correlation id, newest first by default.</summary>
public sealed record InstanceQuery(
    int Page = 1,
    int PageSize = 50,
    WorkflowStatus? Status = null,
    WorkflowSubStatus? SubStatus = null,
    string? DefinitionId = null,
    string? CorrelationId = null,
    string? Sort = null);

/// <summary>An instance in a list, without its state.</summary>
public sealed record InstanceSummary(
    string Id,
    string DefinitionId,
    string DefinitionVersionId,
    int DefinitionVersion,
    string? Name,
    WorkflowStatus Status,
    WorkflowSubStatus SubStatus,
    string? CorrelationId,
    int IncidentCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt);
