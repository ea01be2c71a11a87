using System.Text.Json;
using SfaFlow.Plugins.Operations;

namespace SfaFlow.Workflows.Plugins;

public sealed partial class PluginManager
{
    /// <summary>
    /// Runs a plugin operation for a signed-in user, in a scope of the plugin's services acting for that user, and
    /// serializes its result with the plugin's own options.
    /// </summary>
    /// <returns>The result as JSON text; null when there is no such loaded plugin or operation.</returns>
    /// <exception cref="PluginInputException">The plugin refused the request body.</exception>
    /// <exception cref="KeyNotFoundException">The record the request names is missing or out of the user's scope.</exception>
    public async Task<string?> InvokeOperationAsync(string pluginId, string operationName, JsonElement body, string userName, CancellationToken cancellationToken = default)
    {
        if (Find(pluginId) is not { } load || !load.Operations.TryGetValue(operationName, out var operation))
        {
            return null;
        }

        await using var scope = load.OpenScope(new PluginCaller(PluginCallerKind.User, userName));
        var result = await operation.Invoke(new PluginOperationCall(body, userName, scope.ServiceProvider, cancellationToken));
        return result is null ? "null" : JsonSerializer.Serialize(result, result.GetType(), load.Json);
    }
}
