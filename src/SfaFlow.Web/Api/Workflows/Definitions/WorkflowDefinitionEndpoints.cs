using Microsoft.AspNetCore.Http.HttpResults;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Definitions;

namespace SfaFlow.Web.Api.Workflows.Definitions;

/// <summary>
/// <c>/api/workflow-definitions</c>: list and read definitions, edit drafts, publish, retract, export, import and execute.
/// Split by concern into <c>WorkflowDefinitionEndpoints.*.cs</c>.
/// </summary>
public static partial class WorkflowDefinitionEndpoints
{
    private static readonly string[] Sorts = ["name", "-name", "createdAt", "-createdAt", "version", "-version"];

    public static IEndpointRouteBuilder MapWorkflowDefinitionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/workflow-definitions").WithTags("Workflow definitions").WithApiProblems();
        // Reading (list, read, versions, export) needs only a signed-in sales user: definitions describe processes, not
        // sales records, and reps may see the process behind their tasks. Changing them needs Policies.WorkflowDesign,
        // running them Policies.WorkflowOperations.

        group.MapGet("/", ListAsync)
            .WithName("ListWorkflowDefinitions")
            .WithSummary("Lists definitions (their latest versions), paged, sorted, searched by name or id and filtered by state.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{definitionId}", GetAsync)
            .WithName("GetWorkflowDefinition")
            .WithSummary("Reads a definition version (latest by default; ?version=n or ?published=true) with its Elsa JSON.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{definitionId}/versions", ListVersionsAsync)
            .WithName("ListWorkflowDefinitionVersions")
            .WithSummary("Lists every version of a definition, oldest first.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapDrafts(group);
        MapLifecycle(group);
        MapImport(group);
        MapExecute(group);
        return endpoints;
    }

    private static async Task<Results<Ok<PagedResult<DefinitionSummary>>, ProblemHttpResult>> ListAsync(
        int? page, int? pageSize, string? sort, string? q, string? state, WorkflowDefinitionManager definitions, CancellationToken cancellationToken)
    {
        var errors = ListQuery.Check(page ?? 1, pageSize ?? ListQuery.DefaultPageSize, sort, Sorts);
        var stateFilter = ListQuery.Enum<DefinitionState>(state, "state", errors);
        if (errors.Count > 0)
        {
            return ApiProblems.BadRequest("The list query is not valid.", errors);
        }

        var query = new DefinitionQuery(page ?? 1, pageSize ?? ListQuery.DefaultPageSize, q, stateFilter, sort);
        var result = await definitions.ListAsync(query, cancellationToken);
        return TypedResults.Ok(new PagedResult<DefinitionSummary>([.. result.Items.Select(DefinitionSummary.From)], result.Total, result.Page, result.PageSize));
    }

    private static async Task<Results<Ok<DefinitionDetail>, ProblemHttpResult>> GetAsync(
        string definitionId, int? version, bool? published, WorkflowDefinitionManager definitions, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        if (version is not null && published == true)
        {
            return ApiProblems.BadRequest("Ask for either ?version=n or ?published=true, not both.", new ApiError("version", "Conflicts with published=true."));
        }

        var selector = Select(version, published);
        var stored = await definitions.FindAsync(definitionId, selector, cancellationToken);
        return stored is null
            ? await NotFoundAsync(definitions, definitionId, selector, cancellationToken)
            : TypedResults.Ok(Detail(stored, engine));
    }

    private static async Task<Results<Ok<IReadOnlyList<DefinitionSummary>>, ProblemHttpResult>> ListVersionsAsync(
        string definitionId, WorkflowDefinitionManager definitions, CancellationToken cancellationToken)
    {
        var versions = await definitions.ListVersionsAsync(definitionId, cancellationToken);
        return versions.Count == 0
            ? ApiProblems.DefinitionNotFound(definitionId)
            : TypedResults.Ok<IReadOnlyList<DefinitionSummary>>([.. versions.Select(DefinitionSummary.From)]);
    }

    private static VersionSelector Select(int? version, bool? published) =>
        version is { } number ? new VersionSelector(Version: number) : published == true ? VersionSelector.PublishedVersion : VersionSelector.Latest;

    /// <summary>The definition with the compiler's view of it; a stored version always reads, since it was read when saved.</summary>
    private static DefinitionDetail Detail(StoredDefinition stored, WorkflowEngine engine)
    {
        var definition = stored.ToDefinition();
        return DefinitionDetail.From(stored, ElsaJsonWriter.Write(definition), [.. engine.Validate(definition).Select(ApiError.From)]);
    }

    /// <summary>Names what is missing: the definition, the version number, or a published version.</summary>
    private static async Task<ProblemHttpResult> NotFoundAsync(
        WorkflowDefinitionManager definitions, string definitionId, VersionSelector selector, CancellationToken cancellationToken)
    {
        if (selector == VersionSelector.Latest || (await definitions.ListVersionsAsync(definitionId, cancellationToken)).Count == 0)
        {
            return ApiProblems.DefinitionNotFound(definitionId);
        }

        return ApiProblems.NotFound(selector.Version is { } number
            ? $"Workflow definition '{definitionId}' has no version {number}."
            : $"Workflow definition '{definitionId}' has no published version.");
    }
}
