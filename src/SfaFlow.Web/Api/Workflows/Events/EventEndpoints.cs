using Microsoft.AspNetCore.Http.HttpResults;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Web.Security;

namespace SfaFlow.Web.Api.Workflows.Events;

/// <summary><c>/api/events</c>: publishes named events to the workflow runtime.</summary>
public static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/events").WithTags("Events").WithApiProblems().RequireAuthorization(Policies.WorkflowOperations);
        group.MapPost("/{name}", PublishAsync)
            .WithName("PublishEvent")
            .WithSummary("Publishes a named event: starts the published workflows it triggers and resumes the instances waiting on it.")
            .WithDescription("With an eventId, posting the same event again starts and resumes nothing more: each instance receives an event id once.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    private static async Task<Ok<EventResult>> PublishAsync(string name, EventRequest? request, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var correlationId = string.IsNullOrEmpty(request?.CorrelationId) ? null : request.CorrelationId;
        var eventId = string.IsNullOrWhiteSpace(request?.EventId) ? null : request.EventId;
        var result = await runtime.DispatchEventAsync(name, correlationId, request?.Payload, eventId, cancellationToken);
        return TypedResults.Ok(new EventResult([.. result.Started.Select(InstanceReference.From)], [.. result.Resumed.Select(InstanceReference.From)], result.Busy));
    }
}
