using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Records;
using SfaFlow.Web.Api.Sales.SalesActivities;
using SfaFlow.Workflows.Runtime;

namespace SfaFlow.Web.Api.Sales.Tasks;

/// <summary>
/// <c>GET /api/{leads|accounts|contacts|opportunities}/{id}/timeline</c>: what happened and is planned on one record, its
/// calls, meetings, e-mails, visits and tasks (workflow tasks included), newest first, paged. The record must be in the
/// caller's scope (404 otherwise); then its whole timeline is shown, as its audit log is: seeing a record means seeing
/// what was done about it, whoever did it.
/// </summary>
public static class RecordTimelineEndpoints
{
    private const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapRecordTimelineEndpoints(this IEndpointRouteBuilder endpoints)
    {
        Map(endpoints, "leads", "Leads", "Lead", (db, caller, id, ct) => db.Leads.FindInScopeAsync(id, caller.Principal, ct), id => a => a.LeadId == id);
        Map(endpoints, "accounts", "Accounts", "Account", (db, caller, id, ct) => db.Accounts.FindInScopeAsync(id, caller.Principal, ct), id => a => a.AccountId == id);
        Map(endpoints, "contacts", "Contacts", "Contact", (db, caller, id, ct) => db.Contacts.FindInScopeAsync(id, caller.Principal, ct), id => a => a.ContactId == id);
        Map(endpoints, "opportunities", "Opportunities", "Opportunity", (db, caller, id, ct) => db.Opportunities.FindInScopeAsync(id, caller.Principal, ct), id => a => a.OpportunityId == id);
        return endpoints;
    }

    private static void Map<T>(IEndpointRouteBuilder endpoints, string path, string tag, string singular,
        Func<ISalesDatabase, SalesCaller, long, CancellationToken, Task<T>> findInScope,
        Func<long, System.Linq.Expressions.Expression<Func<SalesActivity, bool>>> onRecord)
    {
        endpoints.MapGroup($"/api/{path}").WithTags(tag).WithApiProblems().MapGet("/{id:long}/timeline", async Task<IResult> (long id, int? page, int? pageSize, SalesCaller caller, ISalesDatabaseFactory databases, CancellationToken cancellationToken) =>
            {
                var (number, size) = (page ?? 1, pageSize ?? 50);
                if (number < 1 || size < 1 || size > MaxPageSize)
                {
                    return ApiProblems.BadRequest("The page is not valid.", new ApiError("pageSize", $"page is 1 or more, pageSize 1 to {MaxPageSize}."));
                }

                await using var db = await databases.OpenAsync(cancellationToken);
                await findInScope(db, caller, id, cancellationToken);
                var activities = db.Activities.AsNoTracking().Where(onRecord(id));
                var total = await activities.CountAsync(cancellationToken);
                var items = await activities.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
                    .Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
                return TypedResults.Ok(new PagedResult<SalesActivityView>([.. items.Select(SalesActivityView.From)], total, number, size));
            })
            .WithName($"Get{singular}Timeline")
            .WithSummary($"The {singular.ToLowerInvariant()}'s activities and tasks, newest first, paged (404 when it is outside your scope).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }
}
