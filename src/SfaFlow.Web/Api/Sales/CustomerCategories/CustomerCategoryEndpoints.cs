using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Organization;

namespace SfaFlow.Web.Api.Sales.CustomerCategories;

/// <summary>
/// <c>/api/customer-categories</c>: the customer segments leads and accounts carry. Everyone signed in reads them; only
/// admins change them, through <see cref="CustomerCategoryService"/> (unique names, none deleted while in use).
/// </summary>
public static class CustomerCategoryEndpoints
{
    public static IEndpointRouteBuilder MapCustomerCategoryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/customer-categories").WithTags("Customer categories").WithApiProblems();
        group.MapList(SalesLists.CustomerCategories, CustomerCategoryView.From, "CustomerCategories");
        group.MapGet("/{id:long}", GetAsync).WithName("GetCustomerCategory").WithSummary("Reads a customer category; its ETag is its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithName("CreateCustomerCategory").WithSummary("Creates a customer category (admins only).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:long}", UpdateAsync).WithName("UpdateCustomerCategory").WithSummary("Renames a customer category (admins only); If-Match for that version only.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteCustomerCategory")
            .WithSummary("Deletes a customer category no lead or account carries (admins only); 409 says what still refers to it.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<IResult> GetAsync(long id, SalesCaller caller, RecordLists lists, HttpContext context, CancellationToken cancellationToken)
    {
        var category = await lists.GetAsync(SalesLists.CustomerCategories, id, caller.Principal, cancellationToken);
        return RecordVersions.WithETag(CustomerCategoryView.From(category), category, context);
    }

    private static async Task<IResult> CreateAsync(CustomerCategoryRequest body, SalesCaller caller, CustomerCategoryService categories, HttpContext context,
        CancellationToken cancellationToken)
    {
        var category = await categories.CreateAsync(body.Name ?? "", caller.Principal, cancellationToken);
        context.Response.Headers.ETag = RecordVersions.ETag(category.Version);
        return TypedResults.Created($"/api/customer-categories/{category.Id}", CustomerCategoryView.From(category));
    }

    private static async Task<IResult> UpdateAsync(long id, CustomerCategoryRequest body, SalesCaller caller, CustomerCategoryService categories, HttpContext context,
        CancellationToken cancellationToken)
    {
        var category = await categories.UpdateAsync(id, body.Name ?? "", RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return RecordVersions.WithETag(CustomerCategoryView.From(category), category, context);
    }

    private static async Task<IResult> DeleteAsync(long id, SalesCaller caller, CustomerCategoryService categories, HttpContext context, CancellationToken cancellationToken)
    {
        await categories.DeleteAsync(id, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return TypedResults.NoContent();
    }
}
