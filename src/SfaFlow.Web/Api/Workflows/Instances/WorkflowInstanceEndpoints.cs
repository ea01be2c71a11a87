using Microsoft.AspNetCore.Http.HttpResults;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Definitions;
using SfaFlow.Workflows.Runtime.Instances;
using SfaFlow.Web.Security;

namespace SfaFlow.Web.Api.Workflows.Instances;

/// <summary>
/// <c>/api/workflow-instances</c>: list and read instances, cancel and retry them, resume a bookmark. Actions are in
/// <c>WorkflowInstanceEndpoints.Actions.cs</c>.
/// </summary>
public static partial class WorkflowInstanceEndpoints
{
    private static readonly string[] Sorts = ["createdAt", "-createdAt", "updatedAt", "-updatedAt"];

    public static IEndpointRouteBuilder MapWorkflowInstanceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/workflow-instances").WithTags("Workflow instances").WithApiProblems()
            .RequireAuthorization(Policies.WorkflowOperations);

        group.MapGet("/", ListAsync)
            .WithName("ListWorkflowInstances")
            .WithSummary("Lists instances (newest first by default), filtered by status, sub-status, definition and correlation id.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{id}", GetAsync)
            .WithName("GetWorkflowInstance")
            .WithSummary("Reads an instance: status, variables by name, input, outputs, bookmarks, journal, incidents and lease.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapActions(group);
        return endpoints;
    }

    private static async Task<Results<Ok<PagedResult<InstanceSummary>>, ProblemHttpResult>> ListAsync(
        string? status, string? subStatus, string? definitionId, string? correlationId, int? page, int? pageSize, string? sort,
        IWorkflowInstanceStore instances, CancellationToken cancellationToken)
    {
        var errors = ListQuery.Check(page ?? 1, pageSize ?? ListQuery.DefaultPageSize, sort, Sorts);
        var statusFilter = ListQuery.Enum<WorkflowStatus>(status, "status", errors);
        var subStatusFilter = ListQuery.Enum<WorkflowSubStatus>(subStatus, "subStatus", errors);
        if (errors.Count > 0)
        {
            return ApiProblems.BadRequest("The list query is not valid.", errors);
        }

        var query = new InstanceQuery(page ?? 1, pageSize ?? ListQuery.DefaultPageSize, statusFilter, subStatusFilter,
            NullIfEmpty(definitionId), NullIfEmpty(correlationId), sort);
        return TypedResults.Ok(await instances.ListAsync(query, cancellationToken));
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> GetAsync(
        string id, WorkflowRuntime runtime, WorkflowDefinitionManager definitions, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await runtime.FindInstanceAsync(id, cancellationToken) is not { } stored)
        {
            return InstanceNotFound(id);
        }

        // A lease past its time is one whose holder died; it is no longer held, recovery will pick the instance up.
        var lease = stored.Lease is { } held && held.Until > clock.GetUtcNow() ? held : null;
        return TypedResults.Ok(await InstanceView.LoadAsync(stored.Instance, lease, definitions, cancellationToken));
    }

    private static ProblemHttpResult InstanceNotFound(string id) => ApiProblems.NotFound($"There is no workflow instance '{id}'.");

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
