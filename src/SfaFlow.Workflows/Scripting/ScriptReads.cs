using System.Globalization;
using Acornima;
using Acornima.Ast;

namespace SfaFlow.Workflows.Scripting;

/// <summary>
/// What a script reads from the values it is given: the member chains (<c>lead.source</c>, <c>opportunity.lines</c>)
/// rooted at named globals, found in its syntax tree, and their values. A rule's explanation can then say what it looked
/// at ("lead.source was 'Web'") without tracing the engine.
/// </summary>
public static class ScriptReads
{
    private static readonly ParserOptions Options = new() { AllowReturnOutsideFunction = true };

    /// <summary>
    /// The values the script reads from <paramref name="globals"/>, by path. A chain is followed as far as the values go
    /// (<c>opportunity.completedTasks.includes(...)</c> records <c>opportunity.completedTasks</c>); a path that is the
    /// start of a longer one is left out. A script that does not parse reads nothing.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> ValuesRead(string source, IReadOnlyDictionary<string, object?> globals)
    {
        ArgumentNullException.ThrowIfNull(globals);
        var resolved = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var chain in Chains(source, globals.Keys.ToHashSet(StringComparer.Ordinal)))
        {
            var (path, value) = Resolve(chain, globals);
            resolved.TryAdd(path, value);
        }

        return resolved.Where(p => !resolved.Keys.Any(other => other.Length > p.Key.Length && other.StartsWith(p.Key + ".", StringComparison.Ordinal)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    /// <summary>The member chains rooted at one of <paramref name="roots"/>, each as its segments (the root first).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Chains(string source, IReadOnlySet<string> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        Node program;
        try
        {
            program = new Parser(Options).ParseScript(source ?? "");
        }
        catch (ParseErrorException)
        {
            return [];
        }

        var chains = new List<IReadOnlyList<string>>();
        Walk(program, roots, chains);
        return chains;
    }

    private static void Walk(Node node, IReadOnlySet<string> roots, List<IReadOnlyList<string>> chains)
    {
        if (node is MemberExpression member && Chain(member, roots) is { } chain)
        {
            chains.Add(chain);
        }

        foreach (var child in node.ChildNodes)
        {
            Walk(child, roots, chains);
        }
    }

    /// <summary>The chain of a member expression; a computed member that is not a literal cuts the chain there.</summary>
    private static List<string>? Chain(MemberExpression member, IReadOnlySet<string> roots)
    {
        var segments = new List<string>();
        Expression current = member;
        while (current is MemberExpression link)
        {
            var segment = link switch
            {
                { Computed: false, Property: Identifier name } => name.Name,
                { Computed: true, Property: StringLiteral text } => text.Value,
                { Computed: true, Property: NumericLiteral number } => number.Value.ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            if (segment is null)
            {
                segments.Clear();
            }
            else
            {
                segments.Add(segment);
            }

            current = link.Object;
        }

        if (current is not Identifier root || !roots.Contains(root.Name))
        {
            return null;
        }

        segments.Add(root.Name);
        segments.Reverse();
        return segments;
    }

    private static (string Path, object? Value) Resolve(IReadOnlyList<string> chain, IReadOnlyDictionary<string, object?> globals)
    {
        var value = globals[chain[0]];
        var depth = 1;
        while (depth < chain.Count && value is IDictionary<string, object?> or IReadOnlyDictionary<string, object?>)
        {
            // A field the record does not have reads as undefined: recorded as null under its full name.
            value = value is IDictionary<string, object?> map
                ? map.TryGetValue(chain[depth], out var next) ? next : null
                : ((IReadOnlyDictionary<string, object?>)value).GetValueOrDefault(chain[depth]);
            depth++;
        }

        // Past the last object comes a method or property of a value (includes, length): the value itself is what was read.
        return (string.Join('.', chain.Take(depth)), value);
    }
}
