using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Definitions;
using SfaFlow.Web.Security;

namespace SfaFlow.Web.Api.Workflows.Definitions;

public static partial class WorkflowDefinitionEndpoints
{
    private static void MapImport(RouteGroupBuilder group) =>
        group.MapPost("/import", ImportAsync)
            .WithName("ImportWorkflowDefinitions")
            .RequireAuthorization(Policies.WorkflowDesign)
            .WithSummary("Imports an Elsa JSON definition, or a zip of them, idempotently and published unless ?publish=false; reports each file.")
            .AddOpenApiOperationTransformer(DescribeImportBody)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>The body is read by hand, so the document is told: a JSON definition, or a zip of them as bytes.</summary>
    private static Task DescribeImportBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "An Elsa workflow definition (application/json), or a zip of *.json definitions (application/zip).",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } },
                ["application/zip"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
            },
        };
        return Task.CompletedTask;
    }

    /// <summary>
    /// One JSON body succeeds or fails as a whole (problem details when it fails); a zip imports every good file and reports
    /// the others, so one broken file does not block the rest.
    /// </summary>
    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        bool? publish, HttpRequest request, WorkflowDefinitionManager definitions, CancellationToken cancellationToken)
    {
        var bytes = await DefinitionBody.ReadBytesAsync(request, cancellationToken);
        if (ZipDefinitions.IsZip(request.ContentType, bytes))
        {
            return await ImportZipAsync(bytes, publish ?? true, definitions, cancellationToken);
        }

        var body = DefinitionBody.Parse(bytes);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var result = await definitions.ImportAsync(body.Definition!, publish ?? true, cancellationToken);
        return TypedResults.Ok(new ImportReport(1, 0, [ImportFileReport.Imported(null, result)]));
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportZipAsync(
        byte[] zip, bool publish, WorkflowDefinitionManager definitions, CancellationToken cancellationToken)
    {
        IReadOnlyList<(string File, byte[] Content)> files;
        try
        {
            files = await ZipDefinitions.ReadAsync(zip, cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            return ApiProblems.BadRequest($"The zip could not be read: {exception.Message}");
        }

        if (files.Count == 0)
        {
            return ApiProblems.BadRequest("The zip holds no .json files.");
        }

        var reports = new ImportFileReport[files.Count];
        var pending = new List<(int Index, WorkflowDefinition Definition)>();
        for (var i = 0; i < files.Count; i++)
        {
            var body = DefinitionBody.Parse(files[i].Content);
            if (body.Definition is null)
            {
                reports[i] = ImportFileReport.Rejected(files[i].File, body.Errors);
            }
            else
            {
                pending.Add((i, body.Definition));
            }
        }

        // A workflow used as an activity only compiles once the file defining it is published, which path order does not
        // guarantee: files that failed are tried again as long as a pass publishes something.
        while (pending.Count > 0)
        {
            var failed = new List<(int Index, WorkflowDefinition Definition, WorkflowDefinitionException Error)>();
            foreach (var (index, definition) in pending)
            {
                try
                {
                    reports[index] = ImportFileReport.Imported(files[index].File, await definitions.ImportAsync(definition, publish, cancellationToken));
                }
                catch (WorkflowDefinitionException exception)
                {
                    failed.Add((index, definition, exception));
                }
                catch (ConcurrencyException exception)
                {
                    reports[index] = ImportFileReport.Rejected(files[index].File, [new ApiError("$", exception.Message)]);
                }
            }

            if (failed.Count == pending.Count)
            {
                failed.ForEach(f => reports[f.Index] = ImportFileReport.Rejected(files[f.Index].File, f.Error.Diagnostics.Select(ApiError.From)));
                break;
            }

            pending = [.. failed.Select(f => (f.Index, f.Definition))];
        }

        var imported = reports.Count(r => r.Succeeded);
        return TypedResults.Ok(new ImportReport(imported, reports.Length - imported, reports));
    }
}
