namespace SfaFlow.Workflows.Scripting;

/// <summary>
/// A function the host or a plugin adds to the JavaScript global scope. Arguments arrive as plain .NET data (null, bool,
/// double, string, JSON nodes); the result goes back the same way. Each call runs under its own deadline.
/// </summary>
/// <param name="Name">The global name scripts call.</param>
/// <param name="Invoke">The implementation; it should honour the cancellation token.</param>
public sealed record ScriptFunction(string Name, Func<IReadOnlyList<object?>, CancellationToken, object?> Invoke)
{
    public string? Description { get; init; }

    /// <summary>Overrides <see cref="ScriptOptions.HostCallTimeout"/> for this function.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Who contributed it: <c>SfaFlow</c> or a plugin id.</summary>
    public string Source { get; init; } = "SfaFlow";
}
