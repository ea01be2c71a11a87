using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SfaFlow.Sales.Import;

namespace SfaFlow.Web.Api.Sales.Import;

/// <summary>
/// <c>POST /api/{leads|accounts|contacts|opportunities|products}/import</c>: a CSV file through <see cref="CsvImporter"/>,
/// every row by the resource's own service. The answer (docs/api.md, "CSV import"): 200 with the report when rows were
/// written or the file was valid with no rows; 422, a problem carrying the same report, when nothing was written because
/// of invalid rows or an unusable header, so a client never mistakes "nothing happened" for success.
/// </summary>
public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        foreach (var resource in Enum.GetValues<ImportResource>())
        {
            MapImport(endpoints, resource);
        }

        return endpoints;
    }

    private static void MapImport(IEndpointRouteBuilder endpoints, ImportResource resource)
    {
        var name = resource.ToString();
        endpoints.MapGroup($"/api/{name.ToLowerInvariant()}").WithTags(name).WithApiProblems()
            .MapPost("/import", (bool? validRowsOnly, SalesCaller caller, CsvImporter importer, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken) =>
                ImportAsync(resource, validRowsOnly ?? false, caller, importer, antiforgery, context, cancellationToken))
            .WithName($"Import{name}")
            .WithSummary($"Imports {name.ToLowerInvariant()} from CSV (text/csv body or multipart field 'file'): all rows or none, or with validRowsOnly=true the valid ones; 422 with the report when nothing was written.")
            .WithMetadata(new RequestSizeLimitAttribute(CsvUpload.MaxBytes))
            .AddOpenApiOperationTransformer(DescribeBody)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Results<Ok<CsvImportReport>, ProblemHttpResult>> ImportAsync(ImportResource resource, bool validRowsOnly, SalesCaller caller, CsvImporter importer, IAntiforgery antiforgery,
        HttpContext context, CancellationToken cancellationToken)
    {
        var upload = await CsvUpload.ReceiveAsync(context, antiforgery, cancellationToken);
        if (upload.Reader is not { } reader)
        {
            return upload.Problem!;
        }

        using (reader)
        {
            var report = await importer.ImportAsync(resource, reader, new ImportOptions { ValidRowsOnly = validRowsOnly }, caller.Principal, cancellationToken: cancellationToken);
            return report.Committed || (report.RowsInvalid == 0 && report.Errors.Count == 0) ? TypedResults.Ok(CsvImportReport.From(report)) : NothingImported(report);
        }
    }

    /// <summary>422 whose members are the report's own, so a client reads the report the same way from either answer.</summary>
    private static ProblemHttpResult NothingImported(ImportReport report)
    {
        var detail = report.RowsInvalid == 0
            ? "Nothing was imported: the file cannot be read (see errors, row 1 is the header)."
            : string.Create(CultureInfo.InvariantCulture,
                $"Nothing was imported: {report.RowsInvalid} of {report.RowsRead} rows are not valid. Correct them and send the file again{(report.RowsInvalid < report.RowsRead ? ", or send validRowsOnly=true to import the valid rows" : "")}.");
        return TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity, extensions: CsvImportReport.From(report).ToExtensions());
    }

    /// <summary>The body is read by hand (either kind), so the document is told: CSV text, or a form with the file.</summary>
    private static Task DescribeBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The CSV file, UTF-8, a header row naming the columns (docs/api.md, \"CSV import\").",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "file" },
                        Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }
}
