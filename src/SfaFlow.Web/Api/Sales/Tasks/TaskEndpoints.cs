using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;
using SfaFlow.Web.Api.Sales.SalesActivities;

namespace SfaFlow.Web.Api.Sales.Tasks;

/// <summary>
/// <c>/api/tasks</c>: a rep's work, the activities of kind Task (a workflow's human task is one). The list is
/// <see cref="SalesLists.Tasks"/>, so no filter reaches another kind; <c>/mine</c> groups the caller's planned tasks against
/// their today; completing goes through <see cref="SalesActivityService"/>, whose TaskCompleted event resumes a waiting workflow.
/// Planning, changing and cancelling a task are <c>/api/activities-log</c>'s.
/// </summary>
public static class TaskEndpoints
{
    public static IEndpointRouteBuilder MapTaskEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/tasks").WithTags("Tasks").WithApiProblems();
        group.MapList(SalesLists.Tasks, SalesActivityView.From, "Tasks");
        group.MapGet("/mine", MineAsync).WithName("GetMyTasks")
            .WithSummary("Your planned tasks as {overdue, today, upcoming}; today is the day in timeZone (an IANA id, default UTC).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/{id:long}/complete", CompleteAsync).WithName("CompleteTask")
            .WithSummary("Completes a planned task with its outcome; a workflow waiting on it resumes (422 if it is not a planned task).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:long}/reassign", ReassignAsync).WithName("ReassignTask")
            .WithSummary("Gives a planned task to another active user in your scope (managers and admins; audited with the reason).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return endpoints;
    }

    private static async Task<IResult> ReassignAsync(long id, ReassignTaskRequest? body, SalesCaller caller, SalesActivityService activities,
        HttpContext context, CancellationToken cancellationToken)
    {
        if (body?.UserId is not { } userId)
        {
            throw new RuleViolationException("userId", "Reassigning a task needs the new assignee (userId).");
        }

        var task = await activities.ReassignAsync(id, userId, body.Reason, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return RecordVersions.WithETag(SalesActivityView.From(task), task, context);
    }

    private static async Task<IResult> MineAsync(string? timeZone, SalesCaller caller, ISalesDatabaseFactory databases, TimeProvider clock, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.Utc;
        if (!string.IsNullOrWhiteSpace(timeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone.Trim(), out zone))
        {
            return ApiProblems.BadRequest($"'{timeZone}' is not a time zone this server knows.",
                new ApiError("timeZone", "timeZone must be an IANA time zone id, such as Europe/Berlin (or leave it out for UTC)."));
        }

        var day = TaskDay.Containing(clock.GetUtcNow(), zone);
        var me = caller.Principal.UserId;
        await using var db = await databases.OpenAsync(cancellationToken);
        var tasks = await db.Activities.AsNoTracking().VisibleTo(caller.Principal)
            .Where(a => a.Kind == ActivityKind.Task && a.Status == ActivityStatus.Planned && a.OwnerId == me)
            .OrderBy(a => a.DueAt == null).ThenBy(a => a.DueAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var groups = tasks.ToLookup(t => day.Classify(t.DueAt), SalesActivityView.From);
        return TypedResults.Ok(new MyTasksView([.. groups[TaskDue.Overdue]], [.. groups[TaskDue.Today]], [.. groups[TaskDue.Upcoming]], day.Start, day.End, zone.Id));
    }

    /// <summary>Only tasks: an activity of another kind is completed through <c>/api/activities-log</c>, so a task client cannot close a call by mistake.</summary>
    private static async Task<IResult> CompleteAsync(long id, CompleteActivityRequest? body, SalesCaller caller, ISalesDatabaseFactory databases,
        SalesActivityService activities, HttpContext context, CancellationToken cancellationToken)
    {
        await using (var db = await databases.OpenAsync(cancellationToken))
        {
            var kind = (await db.Activities.AsNoTracking().FindInScopeAsync(id, caller.Principal, cancellationToken)).Kind;
            if (kind != ActivityKind.Task)
            {
                throw new RuleViolationException("kind", $"Activity {id} is a {kind.ToString().ToLowerInvariant()}, not a task; complete it with /api/activities-log/{id}/complete.");
            }
        }

        var outcome = new ActivityOutcome(body?.Outcome ?? "", body?.Note);
        var task = await activities.CompleteAsync(id, outcome, RecordVersions.IfMatch(context.Request), caller.Principal, cancellationToken);
        return RecordVersions.WithETag(SalesActivityView.From(task), task, context);
    }
}
