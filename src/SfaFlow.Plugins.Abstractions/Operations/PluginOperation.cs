namespace SfaFlow.Plugins.Operations;

/// <summary>
/// Something a plugin does on request over HTTP, registered with <see cref="IPluginBuilder.AddOperation"/> and served at
/// <c>POST /api/plugins/{pluginId}/operations/{name}</c> to signed-in users; <c>GET /api/plugins/{pluginId}</c> lists the
/// operations so that a UI can offer them.
/// </summary>
/// <param name="Name">The operation's name in the URL, for example <c>evaluate</c>: letters, digits and dashes.</param>
/// <param name="Description">What it does and what the request body holds, shown in the plugin's listing.</param>
/// <param name="Invoke">
/// The implementation. Its result is written as the JSON response; throw <see cref="PluginInputException"/> for a bad
/// request (HTTP 400 naming the field), <see cref="KeyNotFoundException"/> for a record that is missing or out of the
/// caller's scope (404).
/// </param>
public sealed record PluginOperation(string Name, string Description, Func<PluginOperationCall, ValueTask<object?>> Invoke);
