using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Products;

namespace SfaFlow.Web.Api.Sales.Products;

/// <summary>
/// <c>/api/products</c>: the catalog. Everyone signed in reads it; only admins change it, which
/// <see cref="ProductService"/> enforces (403 for anyone else), so the rule holds for imports too.
/// </summary>
public static class ProductEndpoints
{
    public static IEndpointRouteBuilder MapProductEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/products").WithTags("Products").WithApiProblems();
        group.MapList(SalesLists.Products, ProductView.From, "Products");
        group.MapGet("/{id:long}", GetAsync).WithName("GetProduct").WithSummary("Reads a product (everyone signed in may); its ETag is its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithName("CreateProduct").WithSummary("Adds a product to the catalog (admins only); its code must be unique.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:long}", UpdateAsync).WithName("UpdateProduct").WithSummary("Changes a product (admins only); send If-Match with its ETag to change only that version.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteProduct")
            .WithSummary("Deletes a product no deal or order has (admins only; 409 otherwise: deactivate it instead).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<IResult> GetAsync(long id, SalesCaller caller, RecordLists lists, HttpContext context, CancellationToken cancellationToken)
    {
        var product = await lists.GetAsync(SalesLists.Products, id, caller.Principal, cancellationToken);
        return RecordVersions.WithETag(ProductView.From(product), product, context);
    }

    private static async Task<IResult> CreateAsync(ProductFields body, SalesCaller caller, ProductService products, HttpContext context, CancellationToken cancellationToken)
    {
        var product = await products.CreateAsync(body, caller.Principal, cancellationToken);
        context.Response.Headers.ETag = RecordVersions.ETag(product.Version);
        return TypedResults.Created($"/api/products/{product.Id}", ProductView.From(product));
    }

    private static async Task<IResult> UpdateAsync(long id, ProductFields body, SalesCaller caller, ProductService products, HttpContext context, CancellationToken cancellationToken)
    {
        var product = await products.UpdateAsync(id, body, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return RecordVersions.WithETag(ProductView.From(product), product, context);
    }

    private static async Task<IResult> DeleteAsync(long id, SalesCaller caller, ProductService products, HttpContext context, CancellationToken cancellationToken)
    {
        await products.DeleteAsync(id, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return TypedResults.NoContent();
    }
}
