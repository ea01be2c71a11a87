namespace SfaFlow.Plugins.Scripting;

/// <summary>One call of a plugin's script function from JavaScript.</summary>
/// <param name="Arguments">The arguments, one per declared parameter (null for an optional one left out), as the .NET types of <see cref="ScriptValueType"/>.</param>
/// <param name="Services">The plugin's services.</param>
/// <param name="CancellationToken">Signalled when the call runs past its deadline or the workflow is cancelled.</param>
public sealed record ScriptFunctionCall(IReadOnlyList<object?> Arguments, IServiceProvider Services, CancellationToken CancellationToken)
{
    /// <summary>The argument at <paramref name="index"/> as <typeparamref name="T"/> (the type its parameter declares).</summary>
    /// <typeparam name="T">The .NET type of the parameter's <see cref="ScriptValueType"/>.</typeparam>
    /// <param name="index">The parameter's position.</param>
    /// <returns>The argument, or default when it is null or left out.</returns>
    public T? Argument<T>(int index) => index < Arguments.Count && Arguments[index] is T value ? value : default;
}
