using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;
using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Organization;

namespace SfaFlow.Web.Api.Sales.Regions;

/// <summary>
/// <c>/api/regions</c>: the sales territories, a tree (a region's <c>parentId</c> is the region it is part of). Everyone
/// signed in reads them; only admins change them, through <see cref="RegionService"/> (no region inside itself, none
/// deleted while regions, people or records are in it).
/// </summary>
public static class RegionEndpoints
{
    public static IEndpointRouteBuilder MapRegionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/regions").WithTags("Regions").WithApiProblems();
        group.MapList(SalesLists.Regions, RegionView.From, "Regions");
        group.MapGet("/tree", TreeAsync).WithName("GetRegionTree").WithSummary("Every region nested under the region it is part of, each level by name.");
        group.MapGet("/{id:long}", GetAsync).WithName("GetRegion").WithSummary("Reads a region; its ETag is its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithName("CreateRegion").WithSummary("Creates a region, at the top or inside another (admins only).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:long}", UpdateAsync).WithName("UpdateRegion").WithSummary("Renames or moves a region (admins only); If-Match for that version only.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteRegion")
            .WithSummary("Deletes a region nothing is in (admins only); 409 says what still refers to it.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<IResult> TreeAsync(ISalesDatabaseFactory databases, CancellationToken cancellationToken)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(RegionNode.Tree(regions));
    }

    private static async Task<IResult> GetAsync(long id, SalesCaller caller, RecordLists lists, HttpContext context, CancellationToken cancellationToken)
    {
        var region = await lists.GetAsync(SalesLists.Regions, id, caller.Principal, cancellationToken);
        return RecordVersions.WithETag(RegionView.From(region), region, context);
    }

    private static async Task<IResult> CreateAsync(RegionFields body, SalesCaller caller, RegionService regions, HttpContext context, CancellationToken cancellationToken)
    {
        var region = await regions.CreateAsync(body, caller.Principal, cancellationToken);
        context.Response.Headers.ETag = RecordVersions.ETag(region.Version);
        return TypedResults.Created($"/api/regions/{region.Id}", RegionView.From(region));
    }

    private static async Task<IResult> UpdateAsync(long id, RegionFields body, SalesCaller caller, RegionService regions, HttpContext context, CancellationToken cancellationToken)
    {
        var region = await regions.UpdateAsync(id, body, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return RecordVersions.WithETag(RegionView.From(region), region, context);
    }

    private static async Task<IResult> DeleteAsync(long id, SalesCaller caller, RegionService regions, HttpContext context, CancellationToken cancellationToken)
    {
        await regions.DeleteAsync(id, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return TypedResults.NoContent();
    }
}
