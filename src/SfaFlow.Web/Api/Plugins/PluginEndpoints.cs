using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SfaFlow.Plugins.Operations;
using SfaFlow.Web.Security;
using SfaFlow.Workflows.Plugins;

namespace SfaFlow.Web.Api.Plugins;

/// <summary><c>/api/plugins</c>: the plugins the host loaded or refused, and the operations they serve.</summary>
public static class PluginEndpoints
{
    public static IEndpointRouteBuilder MapPluginEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/plugins").WithTags("Plugins").WithApiProblems();
        group.MapGet("/", (PluginCatalog catalog) => TypedResults.Ok(catalog.All))
            .RequireAuthorization(Policies.WorkflowDesign)
            .WithName("ListPlugins")
            .WithSummary("Lists every plugin folder: loaded (with what it added) or failed (with the reason), and its hash for the allow-list.");
        group.MapGet("/{id}", Results<Ok<PluginInfo>, ProblemHttpResult> (string id, PluginCatalog catalog) =>
                catalog.Find(id) is { } plugin ? TypedResults.Ok(plugin) : ApiProblems.NotFound($"There is no plugin '{id}'."))
            .WithName("GetPlugin")
            .WithSummary("Describes one plugin with its operations, for UIs that offer them.");
        group.MapPost("/{id}/operations/{name}", InvokeAsync)
            .WithName("InvokePluginOperation")
            .WithSummary("Runs a plugin operation as the signed-in user; the body is the operation's input.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> InvokeAsync(
        string id, string name, HttpContext http, PluginManager plugins, CancellationToken cancellationToken)
    {
        JsonElement body;
        try
        {
            // No body at all (no Content-Length, as a POST without content is sent) is no input, like an empty one.
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, cancellationToken);
            body = buffer.Length == 0 ? default : JsonDocument.Parse(buffer.ToArray()).RootElement;
        }
        catch (JsonException exception)
        {
            return ApiProblems.BadRequest("The body is not valid JSON.", new ApiError("$", exception.Message));
        }

        var userName = http.User.Identity?.Name ?? "";
        try
        {
            var json = await plugins.InvokeOperationAsync(id, name, body, userName, cancellationToken);
            return json is null
                ? ApiProblems.NotFound($"Plugin '{id}' is not loaded or has no operation '{name}'.")
                : TypedResults.Text(json, "application/json");
        }
        catch (PluginInputException invalid)
        {
            return ApiProblems.BadRequest(invalid.Message, new ApiError(invalid.Path ?? "$", invalid.Message));
        }
        catch (KeyNotFoundException missing)
        {
            return ApiProblems.NotFound(missing.Message);
        }
    }
}
