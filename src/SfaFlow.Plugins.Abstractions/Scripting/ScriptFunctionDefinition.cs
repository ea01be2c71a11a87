namespace SfaFlow.Plugins.Scripting;

/// <summary>
/// A function a plugin adds to the JavaScript that workflows run (conditions, expressions, rules), registered with
/// <see cref="IPluginBuilder.AddScriptFunction"/>. Scripts call it by <see cref="Name"/> as a global function.
/// </summary>
/// <remarks>
/// The implementation runs outside the script sandbox's own limits, so each call gets a deadline of its own
/// (<see cref="Timeout"/>, or the host's default): past it the call's cancellation token is signalled and the script sees
/// an error. The result goes back to JavaScript as: null, <see cref="bool"/>, any number, <see cref="string"/>,
/// dictionaries with string keys and lists of these; other objects are converted through their public properties (JSON).
/// </remarks>
/// <param name="Name">The global name scripts call, a JavaScript identifier such as <c>predictWinProbability</c>; unique across plugins.</param>
/// <param name="Parameters">The parameters, checked before each call.</param>
/// <param name="Invoke">The implementation.</param>
public sealed record ScriptFunctionDefinition(string Name, IReadOnlyList<ScriptParameter> Parameters, Func<ScriptFunctionCall, object?> Invoke)
{
    /// <summary>What the function returns, for the designer's script help.</summary>
    public string? Description { get; init; }

    /// <summary>The JavaScript type of the result.</summary>
    public ScriptValueType Returns { get; init; } = ScriptValueType.Any;

    /// <summary>The deadline of one call; null for the host's default (<c>SfaFlow:Scripts:HostCallTimeout</c>).</summary>
    public TimeSpan? Timeout { get; init; }
}
