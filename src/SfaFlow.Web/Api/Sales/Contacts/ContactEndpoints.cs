using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Records;

namespace SfaFlow.Web.Api.Sales.Contacts;

/// <summary>
/// <c>/api/contacts</c>: read, create, change and delete the people at accounts, within the caller's record scope (an
/// account's contacts: <c>?accountId=</c>). Every change goes through <see cref="ContactService"/>.
/// </summary>
public static class ContactEndpoints
{
    public static IEndpointRouteBuilder MapContactEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/contacts").WithTags("Contacts").WithApiProblems();
        group.MapList(SalesLists.Contacts, ContactView.From, "Contacts");
        group.MapGet("/{id:long}", GetAsync).WithName("GetContact").WithSummary("Reads a contact in your scope (404 otherwise); its ETag is its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithName("CreateContact").WithSummary("Creates a contact at an account in your scope (owner and region: the account's, unless given).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:long}", UpdateAsync).WithName("UpdateContact").WithSummary("Changes a contact's fields; send If-Match with its ETag to change only that version.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteContact")
            .WithSummary("Deletes a contact no activity or converted lead refers to (409 naming them otherwise).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<IResult> GetAsync(long id, SalesCaller caller, ISalesDatabaseFactory databases, HttpContext context, CancellationToken cancellationToken)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        var contact = await db.Contacts.AsNoTracking().FindInScopeAsync(id, caller.Principal, cancellationToken);
        return RecordVersions.WithETag(ContactView.From(contact), contact, context);
    }

    private static async Task<IResult> CreateAsync(ContactFields body, SalesCaller caller, ContactService contacts, HttpContext context, CancellationToken cancellationToken)
    {
        var contact = await contacts.CreateAsync(body, caller.Principal, cancellationToken);
        context.Response.Headers.ETag = RecordVersions.ETag(contact.Version);
        return TypedResults.Created($"/api/contacts/{contact.Id}", ContactView.From(contact));
    }

    private static async Task<IResult> UpdateAsync(long id, ContactFields body, SalesCaller caller, ContactService contacts, HttpContext context, CancellationToken cancellationToken)
    {
        var contact = await contacts.UpdateAsync(id, body, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return RecordVersions.WithETag(ContactView.From(contact), contact, context);
    }

    private static async Task<IResult> DeleteAsync(long id, SalesCaller caller, ContactService contacts, HttpContext context, CancellationToken cancellationToken)
    {
        await contacts.DeleteAsync(id, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return TypedResults.NoContent();
    }
}
