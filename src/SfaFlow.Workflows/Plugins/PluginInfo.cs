namespace SfaFlow.Workflows.Plugins;

/// <summary>What the host knows about one plugin folder: the manifest, the hash, and whether it loaded (or why not).</summary>
public sealed record PluginInfo
{
    /// <summary>The manifest's id; the folder name when the manifest could not be read.</summary>
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Version { get; init; }

    public string? AbiVersion { get; init; }

    public string? Description { get; init; }

    /// <summary>See <see cref="PluginHash"/>: what to copy into <c>SfaFlow:Plugins:AllowedHashes</c>.</summary>
    public string? Hash { get; init; }

    public required string Folder { get; init; }

    public PluginState State { get; init; }

    public PluginFailure? Failure { get; init; }

    /// <summary>Why it failed, naming the file, field, assembly or type concerned.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// When the plugin's own code threw while loading: its exception as .NET writes it (type, message, stack trace, inner
    /// exceptions), so a plugin developer sees where, not only what. Kept as text: an exception object would hold the
    /// plugin's types and keep its load context from unloading.
    /// </summary>
    public string? Detail { get; init; }

    public DateTimeOffset At { get; init; }

    public IReadOnlyList<string> Activities { get; init; } = [];

    public IReadOnlyList<string> Functions { get; init; } = [];

    public IReadOnlyList<string> Listeners { get; init; } = [];

    public IReadOnlyList<PluginOperationInfo> Operations { get; init; } = [];
}

/// <summary>An operation a plugin serves at <c>POST /api/plugins/{id}/operations/{name}</c>.</summary>
public sealed record PluginOperationInfo(string Name, string Description);
