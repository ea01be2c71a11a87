using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Runtime.Definitions;
using SfaFlow.Web.Security;

namespace SfaFlow.Web.Api.Workflows.Definitions;

public static partial class WorkflowDefinitionEndpoints
{
    private static void MapLifecycle(RouteGroupBuilder group)
    {
        group.MapPost("/{definitionId}/publish", PublishAsync)
            .WithName("PublishWorkflowDefinition")
            .RequireAuthorization(Policies.WorkflowDesign)
            .WithSummary("Publishes the latest version (the previous published one retires) and returns it with the compiler's warnings, such as an activity type no loaded plugin provides; 422 with the located errors when it does not compile.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{definitionId}/retract", RetractAsync)
            .WithName("RetractWorkflowDefinition")
            .RequireAuthorization(Policies.WorkflowDesign)
            .WithSummary("Retires the published version: nothing new starts on it, its running instances carry on.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{definitionId}/export", ExportAsync)
            .WithName("ExportWorkflowDefinition")
            .WithSummary("Downloads a version (latest by default; ?version=n or ?published=true) as an Elsa 3.6 JSON file.")
            .Produces<System.Text.Json.Nodes.JsonObject>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    // PublishAsync throws KeyNotFoundException and WorkflowDefinitionException; the group's problem filter maps them. Warnings
    // do not stop a publication (a plugin may be installed later), so they come back with the published version.
    private static async Task<Ok<DefinitionDetail>> PublishAsync(
        string definitionId, WorkflowDefinitionManager definitions, WorkflowEngine engine, CancellationToken cancellationToken) =>
        TypedResults.Ok(Detail(await definitions.PublishAsync(definitionId, cancellationToken), engine));

    private static async Task<Results<Ok<DefinitionSummary>, ProblemHttpResult>> RetractAsync(
        string definitionId, WorkflowDefinitionManager definitions, CancellationToken cancellationToken)
    {
        var published = await definitions.FindAsync(definitionId, VersionSelector.PublishedVersion, cancellationToken);
        if (published is null)
        {
            return (await definitions.ListVersionsAsync(definitionId, cancellationToken)).Count == 0
                ? ApiProblems.DefinitionNotFound(definitionId)
                : ApiProblems.Conflict($"Workflow definition '{definitionId}' has no published version to retract.");
        }

        await definitions.RetractAsync(definitionId, cancellationToken);
        var retired = await definitions.FindVersionAsync(published.Id, cancellationToken) ?? published;
        return TypedResults.Ok(DefinitionSummary.From(retired));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string definitionId, int? version, bool? published, WorkflowDefinitionManager definitions, CancellationToken cancellationToken)
    {
        var selector = Select(version, published);
        var stored = await definitions.FindAsync(definitionId, selector, cancellationToken);
        if (stored is null)
        {
            return await NotFoundAsync(definitions, definitionId, selector, cancellationToken);
        }

        var json = Encoding.UTF8.GetBytes(WorkflowDefinitionManager.Export(stored));
        return TypedResults.File(json, "application/json", FileName(stored));
    }

    /// <summary>
    /// The repository's convention for workflow files, the name in kebab case: "Lead qualification" and "LeadQualification"
    /// both give <c>lead-qualification.json</c>.
    /// </summary>
    private static string FileName(StoredDefinition stored)
    {
        var name = new StringBuilder();
        var previous = ' ';
        foreach (var c in (stored.Name ?? "").Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (char.IsAsciiLetterUpper(c) && (char.IsAsciiLetterLower(previous) || char.IsAsciiDigit(previous)))
                {
                    name.Append('-');
                }

                name.Append(char.ToLowerInvariant(c));
            }
            else if (name.Length > 0 && name[^1] != '-' && (char.IsWhiteSpace(c) || c is '-' or '_' or '.'))
            {
                name.Append('-');
            }

            previous = c;
        }

        var slug = name.ToString().Trim('-');
        return (slug.Length > 0 ? slug : stored.DefinitionId) + ".json";
    }
}
