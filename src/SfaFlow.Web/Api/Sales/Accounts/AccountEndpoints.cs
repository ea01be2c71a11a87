using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Records;

namespace SfaFlow.Web.Api.Sales.Accounts;

/// <summary>
/// <c>/api/accounts</c>: read, create, change and delete customer accounts within the caller's record scope. Every change
/// goes through <see cref="AccountService"/>, the same rules as imports; an account's contacts are
/// <c>/api/contacts?accountId=</c>.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/accounts").WithTags("Accounts").WithApiProblems();
        group.MapList(SalesLists.Accounts, AccountView.From, "Accounts");
        group.MapGet("/{id:long}", GetAsync).WithName("GetAccount").WithSummary("Reads an account in your scope (404 otherwise); its ETag is its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithName("CreateAccount").WithSummary("Creates an account (owner: you, unless you name someone in your scope).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:long}", UpdateAsync).WithName("UpdateAccount").WithSummary("Changes an account's fields; send If-Match with its ETag to change only that version.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteAccount")
            .WithSummary("Deletes an account nothing refers to (409 naming its contacts, deals, orders, activities or converted leads otherwise).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<IResult> GetAsync(long id, SalesCaller caller, ISalesDatabaseFactory databases, HttpContext context, CancellationToken cancellationToken)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        var account = await db.Accounts.AsNoTracking().FindInScopeAsync(id, caller.Principal, cancellationToken);
        return RecordVersions.WithETag(AccountView.From(account), account, context);
    }

    private static async Task<IResult> CreateAsync(AccountFields body, SalesCaller caller, AccountService accounts, HttpContext context, CancellationToken cancellationToken)
    {
        var account = await accounts.CreateAsync(body, caller.Principal, cancellationToken);
        context.Response.Headers.ETag = RecordVersions.ETag(account.Version);
        return TypedResults.Created($"/api/accounts/{account.Id}", AccountView.From(account));
    }

    private static async Task<IResult> UpdateAsync(long id, AccountFields body, SalesCaller caller, AccountService accounts, HttpContext context, CancellationToken cancellationToken)
    {
        var account = await accounts.UpdateAsync(id, body, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return RecordVersions.WithETag(AccountView.From(account), account, context);
    }

    private static async Task<IResult> DeleteAsync(long id, SalesCaller caller, AccountService accounts, HttpContext context, CancellationToken cancellationToken)
    {
        await accounts.DeleteAsync(id, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return TypedResults.NoContent();
    }
}
