using Jint.Native;

namespace SfaFlow.Workflows.Scripting;

internal sealed partial class ScriptGlobals
{
    /// <summary>
    /// Defines one of Elsa's generated accessors the first time a script mentions it: <c>get&lt;Var&gt;()</c>/<c>set&lt;Var&gt;(v)</c>
    /// for variables, <c>get&lt;Input&gt;()</c> for declared workflow inputs, <c>get&lt;Output&gt;From&lt;Activity&gt;()</c> for
    /// activity outputs. The accessor resolves its target when called, in the scope of the calling activity, so one
    /// definition serves every scope; a name that resolves to nothing is a ReferenceError, as in Elsa.
    /// </summary>
    private void DefineAccessor(string accessor)
    {
        var name = accessor[3..];
        if (accessor.StartsWith("set", StringComparison.Ordinal))
        {
            Define(accessor, args =>
            {
                var variable = FindVariable(name) ?? throw ReferenceError($"{accessor} is not defined: no variable '{name}' is in scope.");
                Scope.SetVariable(variable, JsConvert.FromJs(Arg(args, 0)));
                return JsValue.Undefined;
            });
            return;
        }

        Define(accessor, _ =>
        {
            // Elsa defines variable accessors first, then input accessors, then output accessors, each overriding the
            // last; resolving in the opposite order gives the same winner.
            if (TryGetOutput(name, out var output))
            {
                return ToJs(output);
            }

            // Elsa names input accessors after the input as declared (getMessage for 'Message'); an input declared in
            // lower case ('lead') is also reachable as getLead().
            if (Scope.DeclaredInputNames.FirstOrDefault(input => input == name || Pascalize(input) == name) is { } input)
            {
                return ToJs(Scope.GetInput(input));
            }

            var variable = FindVariable(name) ?? throw ReferenceError($"{accessor} is not defined: no variable, input or activity output named '{name}' is in scope.");
            return ToJs(Scope.GetVariable(variable));
        });
    }

    /// <summary><c>get</c> or <c>set</c> followed by an upper-case letter or a digit, as Elsa's generated accessors are.</summary>
    private static bool IsAccessorName(string name) =>
        name.Length > 3 && (name.StartsWith("get", StringComparison.Ordinal) || name.StartsWith("set", StringComparison.Ordinal)) &&
        (char.IsAsciiLetterUpper(name[3]) || char.IsAsciiDigit(name[3]));

    /// <summary>The variable whose Pascal-cased name is <paramref name="pascalName"/>; only letter-and-digit names get accessors.</summary>
    private string? FindVariable(string pascalName) =>
        Scope.VisibleVariableNames.FirstOrDefault(variable =>
            variable.Length > 0 && variable.All(char.IsAsciiLetterOrDigit) && Pascalize(variable) == pascalName);

    private bool TryGetOutput(string name, out object? value)
    {
        for (var at = name.IndexOf("From", 1, StringComparison.Ordinal); at > 0; at = name.IndexOf("From", at + 1, StringComparison.Ordinal))
        {
            if (at + 4 < name.Length && Scope.TryGetOutputByAccessor(name[..at], name[(at + 4)..], out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    internal static string Pascalize(string name)
    {
        var result = new System.Text.StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            result.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return result.ToString();
    }
}
