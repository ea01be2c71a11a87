using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace SfaFlow.Workflows.Scripting;

/// <summary>The host and plugin functions available to every script.</summary>
public sealed partial class ScriptFunctionRegistry
{
    private ImmutableDictionary<string, ScriptFunction> _functions = ImmutableDictionary<string, ScriptFunction>.Empty;

    public IReadOnlyCollection<ScriptFunction> All => [.. _functions.Values];

    /// <exception cref="ArgumentException">The name is not a JavaScript identifier or is already taken.</exception>
    public void Register(ScriptFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (!Identifier().IsMatch(function.Name))
        {
            throw new ArgumentException($"'{function.Name}' is not a valid JavaScript function name.", nameof(function));
        }

        if (!ImmutableInterlocked.TryAdd(ref _functions, function.Name, function))
        {
            throw new ArgumentException($"A script function named '{function.Name}' is already registered by {_functions[function.Name].Source}.", nameof(function));
        }
    }

    public ScriptFunction? Find(string name) => _functions.GetValueOrDefault(name);

    public bool Unregister(string name) => ImmutableInterlocked.TryRemove(ref _functions, name, out _);

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();
}
