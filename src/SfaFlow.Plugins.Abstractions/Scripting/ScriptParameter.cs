namespace SfaFlow.Plugins.Scripting;

/// <summary>
/// One parameter of a script function. The host checks each call's arguments against the parameters before calling the
/// plugin and throws a JavaScript <c>TypeError</c> naming the parameter when one is missing or of the wrong type.
/// </summary>
/// <param name="Name">The parameter's name, shown in errors and in the designer's script help.</param>
/// <param name="Type">The JavaScript type expected.</param>
/// <param name="IsOptional">Whether the script may leave it out (the plugin then sees null).</param>
public sealed record ScriptParameter(string Name, ScriptValueType Type, bool IsOptional = false)
{
    /// <summary>What the parameter means, for the designer's script help.</summary>
    public string? Description { get; init; }
}
