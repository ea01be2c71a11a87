using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Records;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Runtime;

namespace SfaFlow.Web.Api;

/// <summary>
/// RFC 7807 problem details for every API error, so that all endpoints answer failures the same way: a status, a
/// detail that names what was not found or why the request was refused, and located <c>errors</c> where there are some.
/// </summary>
internal static class ApiProblems
{
    public static ProblemHttpResult BadRequest(string detail, params IEnumerable<ApiError> errors) =>
        Problem(StatusCodes.Status400BadRequest, detail, errors);

    public static ProblemHttpResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, detail);

    public static ProblemHttpResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, detail);

    public static ProblemHttpResult Invalid(string detail, params IEnumerable<ApiError> errors) =>
        Problem(StatusCodes.Status422UnprocessableEntity, detail, errors);

    /// <summary>Another runtime holds the instance; 503 tells clients that the same request can simply be sent again.</summary>
    public static ProblemHttpResult Busy(string detail) => Problem(StatusCodes.Status503ServiceUnavailable, detail);

    public static ProblemHttpResult DefinitionNotFound(string definitionId) =>
        NotFound($"There is no workflow definition '{definitionId}'.");

    /// <summary>The problem for an exception the runtime documents as a client-visible outcome; null for anything else.</summary>
    public static ProblemHttpResult? FromException(Exception exception) => exception switch
    {
        DefinitionNotPublishedException => Invalid(exception.Message),
        InstanceNotFoundException or KeyNotFoundException => NotFound(exception.Message),
        ConcurrencyException => Conflict(exception.Message),
        InstanceBusyException => Busy(exception.Message),
        UnauthorizedAccessException => Problem(StatusCodes.Status403Forbidden, exception.Message),
        WorkflowDefinitionException invalid => Invalid("The workflow definition has errors.", invalid.Diagnostics.Select(ApiError.From)),

        // Sales rules: scope hides what is out of reach (404, never 403), refusals say every reason by field.
        RecordNotFoundException => NotFound(exception.Message),
        RuleViolationException refused => Invalid(refused.Message, refused.Violations.Select(v => new ApiError(v.Field, v.Message))),
        PermissionDeniedException => Problem(StatusCodes.Status403Forbidden, exception.Message),
        VersionConflictException or RecordInUseException => Conflict(exception.Message),
        InvalidListQueryException list => BadRequest(list.Message, list.Violations.Select(v => new ApiError(v.Field, v.Message))),
        DbUpdateConcurrencyException => Conflict("The record changed while your change was being saved; read it again and repeat your change."),
        _ => null,
    };

    private static ProblemHttpResult Problem(int status, string detail, IEnumerable<ApiError>? errors = null)
    {
        var list = errors?.ToList();
        return TypedResults.Problem(
            detail: detail,
            statusCode: status,
            extensions: list is { Count: > 0 } ? new Dictionary<string, object?> { ["errors"] = list } : null);
    }
}
