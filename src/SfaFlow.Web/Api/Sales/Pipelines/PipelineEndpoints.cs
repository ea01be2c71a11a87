using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Pipelines;

namespace SfaFlow.Web.Api.Sales.Pipelines;

/// <summary>
/// <c>/api/pipelines</c>: everyone signed in reads pipelines and their stages (a rep's board needs their names); only
/// admins create, change and delete them. Every change goes through <see cref="PipelineService"/>, which checks the
/// stages (one won, one lost, gates that parse) and refuses to delete a pipeline deals are or were in.
/// </summary>
public static class PipelineEndpoints
{
    public static IEndpointRouteBuilder MapPipelineEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/pipelines").WithTags("Pipelines").WithApiProblems();
        group.MapList(SalesLists.Pipelines, PipelineView.From, "Pipelines");
        group.MapGet("/{id:long}", GetAsync).WithName("GetPipeline").WithSummary("Reads a pipeline with its stages in order; its ETag is its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithName("CreatePipeline")
            .WithSummary("Creates a pipeline with its stages (admins only): open stages first, then one won and one lost stage; gates must parse as JavaScript.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:long}", UpdateAsync).WithName("UpdatePipeline")
            .WithSummary("Changes a pipeline and its stages (admins only): stages named by id are kept, new ones have none, those left out are removed if no deal was ever in them.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id:long}", DeleteAsync).WithName("DeletePipeline")
            .WithSummary("Deletes a pipeline no deal is or was in (admins only); 409 says what still refers to it.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<IResult> GetAsync(long id, SalesCaller caller, RecordLists lists, HttpContext context, CancellationToken cancellationToken)
    {
        var pipeline = await lists.GetAsync(SalesLists.Pipelines, id, caller.Principal, cancellationToken);
        return RecordVersions.WithETag(PipelineView.From(pipeline), pipeline, context);
    }

    private static async Task<IResult> CreateAsync(PipelineFields body, SalesCaller caller, PipelineService pipelines, HttpContext context, CancellationToken cancellationToken)
    {
        var pipeline = await pipelines.CreateAsync(body, caller.Principal, cancellationToken);
        context.Response.Headers.ETag = RecordVersions.ETag(pipeline.Version);
        return TypedResults.Created($"/api/pipelines/{pipeline.Id}", PipelineView.From(pipeline));
    }

    private static async Task<IResult> UpdateAsync(long id, PipelineFields body, SalesCaller caller, PipelineService pipelines, HttpContext context, CancellationToken cancellationToken)
    {
        var pipeline = await pipelines.UpdateAsync(id, body, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return RecordVersions.WithETag(PipelineView.From(pipeline), pipeline, context);
    }

    private static async Task<IResult> DeleteAsync(long id, SalesCaller caller, PipelineService pipelines, HttpContext context, CancellationToken cancellationToken)
    {
        await pipelines.DeleteAsync(id, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return TypedResults.NoContent();
    }
}
