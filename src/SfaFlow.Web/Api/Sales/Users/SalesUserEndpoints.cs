using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Organization;

namespace SfaFlow.Web.Api.Sales.Users;

/// <summary>
/// <c>/api/users</c>: the people of the sales organization. Everyone signed in reads them (owner pickers, names in
/// history); only admins change them, through <see cref="SalesUserService"/>, which also keeps an admin from locking
/// themselves out. A user signs in with the account of the same user name (docs/security.md).
/// </summary>
public static class SalesUserEndpoints
{
    public static IEndpointRouteBuilder MapSalesUserEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/users").WithTags("Users").WithApiProblems();
        group.MapList(SalesLists.Users, SalesUserView.From, "Users");
        group.MapGet("/{id:long}", GetAsync).WithName("GetUser").WithSummary("Reads a user; its ETag is its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithName("CreateUser").WithSummary("Creates a user with role, scope, team, regions and manager (admins only).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:long}", UpdateAsync).WithName("UpdateUser")
            .WithSummary("Changes a user, deactivates them with isActive false (admins only; not your own admin role or account); If-Match for that version only.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteUser")
            .WithSummary("Deletes a user who never owned, managed or changed anything (admins only); otherwise 409: deactivate them instead.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<IResult> GetAsync(long id, SalesCaller caller, RecordLists lists, HttpContext context, CancellationToken cancellationToken)
    {
        var user = await lists.GetAsync(SalesLists.Users, id, caller.Principal, cancellationToken);
        return RecordVersions.WithETag(SalesUserView.From(user), user, context);
    }

    private static async Task<IResult> CreateAsync(SalesUserFields body, SalesCaller caller, SalesUserService users, HttpContext context, CancellationToken cancellationToken)
    {
        var user = await users.CreateAsync(body, caller.Principal, cancellationToken);
        context.Response.Headers.ETag = RecordVersions.ETag(user.Version);
        return TypedResults.Created($"/api/users/{user.Id}", SalesUserView.From(user));
    }

    private static async Task<IResult> UpdateAsync(long id, SalesUserFields body, SalesCaller caller, SalesUserService users, HttpContext context, CancellationToken cancellationToken)
    {
        var user = await users.UpdateAsync(id, body, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return RecordVersions.WithETag(SalesUserView.From(user), user, context);
    }

    private static async Task<IResult> DeleteAsync(long id, SalesCaller caller, SalesUserService users, HttpContext context, CancellationToken cancellationToken)
    {
        await users.DeleteAsync(id, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return TypedResults.NoContent();
    }
}
