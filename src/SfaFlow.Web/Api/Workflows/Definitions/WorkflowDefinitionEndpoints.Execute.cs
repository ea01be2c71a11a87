using Microsoft.AspNetCore.Http.HttpResults;
using SfaFlow.Web.Api.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Definitions;
using SfaFlow.Web.Security;

namespace SfaFlow.Web.Api.Workflows.Definitions;

public static partial class WorkflowDefinitionEndpoints
{
    private static void MapExecute(RouteGroupBuilder group) =>
        group.MapPost("/{definitionId}/execute", ExecuteAsync)
            .WithName("ExecuteWorkflowDefinition")
            .RequireAuthorization(Policies.WorkflowOperations)
            .WithSummary("Starts an instance of the published version (or versionId) and runs it until it finishes or waits; returns the instance.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> ExecuteAsync(
        string definitionId, ExecuteRequest? request, WorkflowDefinitionManager definitions, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        request ??= new ExecuteRequest();
        var start = new StartRequest
        {
            Input = request.Input?.ToDictionary(p => p.Key, p => (object?)p.Value),
            CorrelationId = request.CorrelationId,
            VersionId = request.VersionId,
            FlowchartMode = request.FlowchartMode,
        };
        try
        {
            var instance = await runtime.StartAsync(definitionId, start, cancellationToken);
            return TypedResults.Ok(await InstanceView.LoadAsync(instance, lease: null, definitions, cancellationToken));
        }
        catch (ArgumentException exception) when (exception is not ArgumentNullException)
        {
            // The engine's way of saying an input value does not fit its declared type.
            var message = exception.ParamName is { } parameter ? exception.Message.Replace($" (Parameter '{parameter}')", "", StringComparison.Ordinal) : exception.Message;
            return ApiProblems.BadRequest(message, new ApiError("$.input", message));
        }
    }
}
