using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using SfaFlow.Workflows.Expressions;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Definitions;

namespace SfaFlow.Web.Api.Workflows.Instances;

public static partial class WorkflowInstanceEndpoints
{
    private static void MapActions(RouteGroupBuilder group)
    {
        group.MapPost("/{id}/cancel", (string id, WorkflowRuntime runtime, WorkflowDefinitionManager definitions, CancellationToken cancellationToken) =>
                ActAsync(() => runtime.CancelAsync(id, cancellationToken), definitions, cancellationToken))
            .WithName("CancelWorkflowInstance")
            .WithSummary("Cancels an instance: what runs stops, its bookmarks go, it ends Cancelled. 409 when it has finished.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/{id}/retry", (string id, WorkflowRuntime runtime, WorkflowDefinitionManager definitions, CancellationToken cancellationToken) =>
                ActAsync(() => runtime.RetryAsync(id, cancellationToken), definitions, cancellationToken))
            .WithName("RetryWorkflowInstance")
            .WithSummary("Runs the faulted activities of an instance again, then the work their fault interrupted. 409 when nothing faulted.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/bookmarks/{bookmarkId}/resume", ResumeAsync)
            .WithName("ResumeWorkflowBookmark")
            .WithSummary("Resumes the activity waiting on a bookmark with a payload; exactly once (409 when already consumed).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>
    /// Cancel and retry refuse with <see cref="InvalidOperationException"/> when the instance's state does not allow them
    /// (finished, nothing faulted): a conflict with the resource's state, so 409 with the runtime's message. Only that
    /// exact type: subclasses such as <see cref="ObjectDisposedException"/> are faults, not refusals.
    /// </summary>
    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> ActAsync(
        Func<Task<WorkflowInstance>> action, WorkflowDefinitionManager definitions, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await InstanceView.LoadAsync(await action(), lease: null, definitions, cancellationToken));
        }
        catch (InvalidOperationException exception) when (exception.GetType() == typeof(InvalidOperationException))
        {
            return ApiProblems.Conflict(exception.Message);
        }
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> ResumeAsync(
        string bookmarkId, ResumeRequest? request, HttpResponse response, WorkflowRuntime runtime, WorkflowDefinitionManager definitions,
        CancellationToken cancellationToken)
    {
        var payload = request?.Payload is { } json ? ValueConverter.FromJsonElement(json) : null;
        var result = await runtime.ResumeAsync(bookmarkId, payload, cancellationToken);
        switch (result.Status)
        {
            case ResumeStatus.Resumed:
                return TypedResults.Ok(await InstanceView.LoadAsync(result.Instance!, lease: null, definitions, cancellationToken));
            case ResumeStatus.Busy:
                response.Headers[HeaderNames.RetryAfter] = "1";
                return ApiProblems.Busy($"The instance waiting on bookmark '{bookmarkId}' is being run by another runtime; try again shortly.");
            default:
                // The runtime cannot tell a consumed bookmark from one that never existed: both are gone, and nothing ran.
                return ApiProblems.Conflict($"Bookmark '{bookmarkId}' was already consumed (or never existed); nothing was resumed.");
        }
    }
}
