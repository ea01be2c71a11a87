using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SfaFlow.Web.Api.Auth;

/// <summary>
/// The sign-in endpoints read their bodies by hand rather than binding them: a bound body makes routing answer other
/// content types itself (415) before the endpoint's AllowAnonymous applies, so a client that forgot its Content-Type
/// would be told to sign in (401) by the very endpoint it signs in with. The OpenAPI document is told the bodies here.
/// </summary>
internal static class CredentialBodies
{
    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: detail);

    /// <summary>The JSON body, or a 400 problem saying where it is malformed.</summary>
    public static async Task<(T? Body, ProblemHttpResult? Problem)> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return (await request.ReadFromJsonAsync<T>(cancellationToken), null);
        }
        catch (JsonException json)
        {
            return (default, ApiProblems.BadRequest("The body is not valid JSON.", new ApiError(json.Path ?? "$", json.Message)));
        }
    }

    public static Task DescribeTokenBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        operation.RequestBody = Body("JSON.", rememberMe: false, "application/json");
        return Task.CompletedTask;
    }

    public static Task DescribeLoginBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        operation.RequestBody = Body("JSON, or a form that also carries the antiforgery token of GET /api/auth/antiforgery.",
            rememberMe: true, "application/json", "application/x-www-form-urlencoded");
        return Task.CompletedTask;
    }

    private static OpenApiRequestBody Body(string description, bool rememberMe, params string[] contentTypes)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["userName"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["password"] = new OpenApiSchema { Type = JsonSchemaType.String },
        };
        if (rememberMe)
        {
            properties["rememberMe"] = new OpenApiSchema { Type = JsonSchemaType.Boolean };
        }

        var schema = new OpenApiSchema { Type = JsonSchemaType.Object, Required = new HashSet<string> { "userName", "password" }, Properties = properties };
        return new OpenApiRequestBody
        {
            Required = true,
            Description = description,
            Content = contentTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = schema }),
        };
    }
}
