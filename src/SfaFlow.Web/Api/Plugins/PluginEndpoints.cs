using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
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
        group.MapGet("/{id}", GetAsync)
            .WithName("GetPlugin")
            .WithSummary("Describes one plugin with its operations, for UIs that offer them; its folder, hash and any failure only to Admins and Developers.");
        group.MapPost("/{id}/operations/{name}", InvokeAsync)
            .WithName("InvokePluginOperation")
            .WithSummary("Runs a plugin operation as the signed-in user; the body is the operation's input.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    /// <summary>
    /// Anyone signed in may see what a loaded plugin offers (a UI lists its operations); where it lives on the server, its
    /// hash and why it failed are for those who install plugins, and a failed plugin offers nothing to anyone else.
    /// </summary>
    private static async Task<Results<Ok<PluginInfo>, ProblemHttpResult>> GetAsync(string id, PluginCatalog catalog, HttpContext http, IAuthorizationService authorization)
    {
        var plugin = catalog.Find(id);
        if (plugin is not null && (await authorization.AuthorizeAsync(http.User, Policies.WorkflowDesign)).Succeeded)
        {
            return TypedResults.Ok(plugin);
        }

        return plugin is { State: PluginState.Loaded }
            ? TypedResults.Ok(plugin with { Folder = "", Hash = null })
            : ApiProblems.NotFound($"There is no plugin '{id}'.");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> InvokeAsync(
        string id, string name, HttpContext http, PluginManager plugins, CancellationToken cancellationToken)
    {
        JsonElement body;
        try
        {
            body = await ReadBodyAsync(http.Request, cancellationToken);
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

    /// <summary>The body as JSON; no body at all (no length, or only white space) is <see cref="JsonValueKind.Undefined"/>.</summary>
    private static async Task<JsonElement> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return default;
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}
