using Microsoft.AspNetCore.Http.HttpResults;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Runtime.Definitions;
using SfaFlow.Web.Security;

namespace SfaFlow.Web.Api.Workflows.Definitions;

public static partial class WorkflowDefinitionEndpoints
{
    private static void MapDrafts(RouteGroupBuilder group)
    {
        group.MapPost("/", CreateAsync)
            .WithName("CreateWorkflowDefinition")
            .RequireAuthorization(Policies.WorkflowDesign)
            .WithSummary("Creates a definition as a draft from Elsa JSON (ids are generated when the body has none).")
            .Accepts<System.Text.Json.Nodes.JsonObject>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{definitionId}", SaveDraftAsync)
            .WithName("SaveWorkflowDefinitionDraft")
            .RequireAuthorization(Policies.WorkflowDesign)
            .WithSummary("Saves the draft from Elsa JSON: updates the draft, or starts the next version when the latest is published.")
            .Accepts<System.Text.Json.Nodes.JsonObject>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{definitionId}", DeleteDraftAsync)
            .WithName("DeleteWorkflowDefinitionDraft")
            .RequireAuthorization(Policies.WorkflowDesign)
            .WithSummary("Deletes the draft; a definition that only had a draft disappears.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Created<DefinitionDetail>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, WorkflowDefinitionManager definitions, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var body = await DefinitionBody.ReadAsync(request, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        // Without ids the reader falls back to the root activity's id ("Flowchart1"), which would collide across workflows.
        var definition = body.Definition!;
        if (!body.HasDefinitionId && !body.HasId)
        {
            definition = definition with { DefinitionId = NewId() };
        }

        if (!body.HasId)
        {
            definition = definition with { Id = NewId() };
        }

        if ((await definitions.ListVersionsAsync(definition.DefinitionId, cancellationToken)).Count > 0)
        {
            return ApiProblems.Conflict(
                $"Workflow definition '{definition.DefinitionId}' exists already; PUT /api/workflow-definitions/{definition.DefinitionId} saves its draft.");
        }

        var saved = await definitions.SaveDraftAsync(definition, cancellationToken);
        return TypedResults.Created($"/api/workflow-definitions/{Uri.EscapeDataString(saved.DefinitionId)}", Detail(saved, engine));
    }

    private static async Task<Results<Ok<DefinitionDetail>, ProblemHttpResult>> SaveDraftAsync(
        string definitionId, HttpRequest request, WorkflowDefinitionManager definitions, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var body = await DefinitionBody.ReadAsync(request, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var definition = body.Definition!;
        if (body.HasDefinitionId && definition.DefinitionId != definitionId)
        {
            return ApiProblems.BadRequest(
                $"The body's definitionId '{definition.DefinitionId}' does not match '{definitionId}' in the URL.",
                new ApiError("$.definitionId", $"Expected '{definitionId}' (or leave it out)."));
        }

        if ((await definitions.ListVersionsAsync(definitionId, cancellationToken)).Count == 0)
        {
            return ApiProblems.NotFound($"There is no workflow definition '{definitionId}'; POST /api/workflow-definitions creates one.");
        }

        definition = definition with { DefinitionId = definitionId, Id = body.HasId ? definition.Id : NewId() };
        return TypedResults.Ok(Detail(await definitions.SaveDraftAsync(definition, cancellationToken), engine));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteDraftAsync(
        string definitionId, WorkflowDefinitionManager definitions, CancellationToken cancellationToken)
    {
        if (await definitions.DeleteDraftAsync(definitionId, cancellationToken))
        {
            return TypedResults.NoContent();
        }

        var versions = await definitions.ListVersionsAsync(definitionId, cancellationToken);
        return versions.Count == 0
            ? ApiProblems.DefinitionNotFound(definitionId)
            : ApiProblems.NotFound($"Workflow definition '{definitionId}' has no draft: its latest version, {versions[^1].Version}, is {versions[^1].State}.");
    }

    private static string NewId() => Guid.NewGuid().ToString("N");
}
