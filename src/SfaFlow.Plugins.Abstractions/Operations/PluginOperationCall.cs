using System.Text.Json;

namespace SfaFlow.Plugins.Operations;

/// <summary>One request to a plugin operation.</summary>
/// <param name="Body">The request's JSON body; <see cref="JsonValueKind.Undefined"/> when it has none.</param>
/// <param name="UserName">The signed-in user who called it. The host services act within that user's record scope.</param>
/// <param name="Services">The plugin's services.</param>
/// <param name="CancellationToken">Signalled when the request is aborted.</param>
public sealed record PluginOperationCall(JsonElement Body, string UserName, IServiceProvider Services, CancellationToken CancellationToken);
