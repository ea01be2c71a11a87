using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace SfaFlow.Web.Api;

/// <summary>
/// Answers requests the framework could not bind (a malformed JSON body, a query value of the wrong type) with a 400
/// problem that says what is wrong and where. Minimal APIs only throw these when <c>ThrowOnBadRequest</c> is on; otherwise
/// they answer a bare 400 that tells the client nothing.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var details = new ProblemDetails { Status = badRequest.StatusCode, Detail = badRequest.Message };
        if (badRequest.InnerException is JsonException json)
        {
            details.Extensions["errors"] = new[] { Locate(json) };
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    /// <summary>The serializer's location, 1-based like every other line and column the API reports.</summary>
    private static ApiError Locate(JsonException json)
    {
        var message = json.Message;
        var suffix = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (suffix < 0)
        {
            suffix = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        return new ApiError(
            string.IsNullOrEmpty(json.Path) ? "$" : json.Path,
            suffix > 0 ? message[..suffix] : message,
            json.LineNumber + 1 is { } line ? (int)line : null,
            json.BytePositionInLine + 1 is { } column ? (int)column : null);
    }
}
