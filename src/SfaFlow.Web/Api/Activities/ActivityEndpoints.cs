using Microsoft.AspNetCore.Http.HttpResults;
using SfaFlow.Workflows.Activities.Catalog;
using SfaFlow.Workflows.Execution;

namespace SfaFlow.Web.Api.Activities;

public static class ActivityEndpoints
{
    /// <summary><c>GET /api/activities</c>: the activity catalog the designer's toolbox and property panel are built from.</summary>
    public static IEndpointRouteBuilder MapActivityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/activities").WithTags("Activities");
        group.MapGet("/", (WorkflowEngine engine) => TypedResults.Ok(engine.Activities.All))
            .WithName("ListActivities")
            .WithSummary("Lists every activity type (built-in, SFA and plugin) with its inputs, outputs and outcomes.");
        group.MapGet("/{typeKey}", Results<Ok<ActivityDescriptor>, NotFound> (string typeKey, WorkflowEngine engine) =>
                engine.Activities.Find(typeKey) is { } descriptor ? TypedResults.Ok(descriptor) : TypedResults.NotFound())
            .WithName("GetActivity")
            .WithSummary("Describes one activity type.");
        return endpoints;
    }
}
