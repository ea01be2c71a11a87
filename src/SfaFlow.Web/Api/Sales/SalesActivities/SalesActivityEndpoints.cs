using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Records;

namespace SfaFlow.Web.Api.Sales.SalesActivities;

/// <summary>
/// <c>/api/activities-log</c>: the calls, meetings, e-mails, tasks and visits on leads, accounts, contacts and deals, planned
/// or done, within the caller's record scope. (<c>/api/activities</c> is the workflow activity catalog.) Every change goes
/// through <see cref="SalesActivityService"/>, which keeps a deal's last activity current and raises the completion events.
/// </summary>
public static class SalesActivityEndpoints
{
    public static IEndpointRouteBuilder MapSalesActivityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/activities-log").WithTags("Sales activities").WithApiProblems();
        group.MapList(SalesLists.Activities, SalesActivityView.From, "SalesActivities");
        group.MapGet("/{id:long}", GetAsync).WithName("GetSalesActivity").WithSummary("Reads an activity in your scope (404 otherwise); its ETag is its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", PlanAsync).WithName("PlanSalesActivity")
            .WithSummary("Plans an activity on a lead, account, contact or deal in your scope (owner: you, unless you name someone in your scope).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/log", LogAsync).WithName("LogSalesActivity")
            .WithSummary("Records an activity that has happened: {fields, outcome, note}, planned and completed in one change.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:long}", UpdateAsync).WithName("UpdateSalesActivity")
            .WithSummary("Changes an activity's fields (not its status); send If-Match with its ETag to change only that version.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:long}/complete", CompleteAsync).WithName("CompleteSalesActivity")
            .WithSummary("Completes a planned activity with its outcome (422 if it is not planned or the outcome is missing).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:long}/cancel", CancelAsync).WithName("CancelSalesActivity").WithSummary("Cancels a planned activity; the reason is audited.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteSalesActivity")
            .WithSummary("Deletes an activity, unless a workflow waits on it (409: cancel it instead).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<IResult> GetAsync(long id, SalesCaller caller, ISalesDatabaseFactory databases, HttpContext context, CancellationToken cancellationToken)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        var activity = await db.Activities.AsNoTracking().FindInScopeAsync(id, caller.Principal, cancellationToken);
        return RecordVersions.WithETag(SalesActivityView.From(activity), activity, context);
    }

    private static async Task<IResult> PlanAsync(ActivityFields body, SalesCaller caller, SalesActivityService activities, HttpContext context, CancellationToken cancellationToken)
    {
        var activity = await activities.PlanAsync(body, caller.Principal, cancellationToken);
        return CreatedWithETag(activity, context);
    }

    private static async Task<IResult> LogAsync(LogActivityRequest body, SalesCaller caller, SalesActivityService activities, HttpContext context, CancellationToken cancellationToken)
    {
        var fields = body.Fields ?? throw new BadHttpRequestException("The body needs the activity's fields: {\"fields\": {...}, \"outcome\": \"...\", \"note\": \"...\"}.");
        var activity = await activities.LogAsync(fields, new ActivityOutcome(body.Outcome ?? "", body.Note), caller.Principal, cancellationToken);
        return CreatedWithETag(activity, context);
    }

    private static async Task<IResult> UpdateAsync(long id, ActivityFields body, SalesCaller caller, SalesActivityService activities, HttpContext context, CancellationToken cancellationToken)
    {
        var activity = await activities.UpdateAsync(id, body, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return RecordVersions.WithETag(SalesActivityView.From(activity), activity, context);
    }

    private static async Task<IResult> CompleteAsync(long id, CompleteActivityRequest? body, SalesCaller caller, SalesActivityService activities, HttpContext context, CancellationToken cancellationToken)
    {
        var outcome = new ActivityOutcome(body?.Outcome ?? "", body?.Note);
        var activity = await activities.CompleteAsync(id, outcome, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return RecordVersions.WithETag(SalesActivityView.From(activity), activity, context);
    }

    private static async Task<IResult> CancelAsync(long id, CancelActivityRequest? body, SalesCaller caller, SalesActivityService activities, HttpContext context, CancellationToken cancellationToken)
    {
        var activity = await activities.CancelAsync(id, body?.Reason, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return RecordVersions.WithETag(SalesActivityView.From(activity), activity, context);
    }

    private static async Task<IResult> DeleteAsync(long id, SalesCaller caller, SalesActivityService activities, HttpContext context, CancellationToken cancellationToken)
    {
        await activities.DeleteAsync(id, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return TypedResults.NoContent();
    }

    private static Created<SalesActivityView> CreatedWithETag(SalesActivity activity, HttpContext context)
    {
        context.Response.Headers.ETag = RecordVersions.ETag(activity.Version);
        return TypedResults.Created($"/api/activities-log/{activity.Id}", SalesActivityView.From(activity));
    }
}
