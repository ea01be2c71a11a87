using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Acornima;
using Acornima.Ast;
using Jint;

namespace SfaFlow.Workflows.Scripting;

/// <summary>Parses scripts once and caches them by source text.</summary>
internal static partial class ScriptCompiler
{
    // Bounded so that a stream of distinct scripts (say, from a validation endpoint) cannot grow memory without limit.
    private const int CacheCapacity = 4096;

    private static readonly ConcurrentDictionary<string, CompiledScript> Cache = new(StringComparer.Ordinal);

    private static readonly ScriptPreparationOptions PreparationOptions = ScriptPreparationOptions.Default with
    {
        ParsingOptions = ScriptParsingOptions.Default with { Tolerant = false },
    };

    private static readonly ParserOptions ParserOptions = new() { AllowReturnOutsideFunction = true };

    /// <exception cref="ScriptSyntaxException">The script does not parse.</exception>
    public static CompiledScript Compile(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Cache.TryGetValue(source, out var cached))
        {
            return cached;
        }

        // Parse the script as written first, so syntax errors point at the user's own lines and columns.
        Validate(source);
        var (wrapped, inserted) = Wrap(source);
        var compiled = new CompiledScript
        {
            Source = source,
            Prepared = Prepare(wrapped, lineOffset: 1),
            InsertedReturn = inserted,
            Identifiers = [.. IdentifierPattern().Matches(source).Select(m => m.Value).Distinct(StringComparer.Ordinal)],
            VariablesMembers = [.. VariablesMemberPattern().Matches(source).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)],
        };

        if (Cache.Count >= CacheCapacity)
        {
            Cache.Clear();
        }

        Cache[source] = compiled;
        return compiled;
    }

    /// <exception cref="ScriptSyntaxException">The script does not parse.</exception>
    public static void Validate(string source) => Prepare(source, lineOffset: 0);

    /// <summary>
    /// The script as a function body; when its last top-level statement is an expression, that expression is returned,
    /// which is what its value as a script would have been. A hashbang line (<c>#!...</c>) is a comment only at the very
    /// start of a script, so it becomes a line comment of the same length and columns stay put.
    /// </summary>
    private static (string Wrapped, (int Line, int Column)? Inserted) Wrap(string source)
    {
        if (source.StartsWith("#!", StringComparison.Ordinal))
        {
            source = "//" + source[2..];
        }

        var program = new Parser(ParserOptions).ParseScript(source);
        if (program.Body.Count > 0 && program.Body[^1] is ExpressionStatement last)
        {
            var at = last.Start;
            var wrapped = CompiledScript.Prefix + source[..at] + CompiledScript.ReturnKeyword + source[at..] + CompiledScript.Suffix;
            return (wrapped, (last.Location.Start.Line, last.Location.Start.Column));
        }

        return (CompiledScript.Prefix + source + CompiledScript.Suffix, null);
    }

    /// <summary>Parses, turning every parser failure into a <see cref="ScriptSyntaxException"/> located in the user's script.</summary>
    private static Prepared<Script> Prepare(string source, int lineOffset)
    {
        try
        {
            return Engine.PrepareScript(source, options: PreparationOptions);
        }
        catch (ScriptPreparationException exception) when (exception.InnerException is ParseErrorException parseError)
        {
            throw SyntaxError(parseError, lineOffset, exception);
        }
        catch (ParseErrorException parseError)
        {
            throw SyntaxError(parseError, lineOffset, parseError);
        }
        catch (ScriptPreparationException exception) when (exception.InnerException is InsufficientExecutionStackException)
        {
            // The parser recurses once per nesting level and stops, rather than overflow the stack, on deep input.
            throw new ScriptSyntaxException("The script nests expressions or blocks too deeply to be parsed.", 1, 1, exception);
        }
        catch (ScriptPreparationException exception)
        {
            throw new ScriptSyntaxException(exception.Message, 1, 1, exception);
        }
    }

    private static ScriptSyntaxException SyntaxError(ParseErrorException parseError, int lineOffset, Exception inner) =>
        new(parseError.Description, Math.Max(1, parseError.LineNumber - lineOffset), parseError.Column + 1, inner);

    [GeneratedRegex(@"[A-Za-z_$][A-Za-z0-9_$]*")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"\bvariables\s*\.\s*([A-Za-z_$][A-Za-z0-9_$]*)")]
    private static partial Regex VariablesMemberPattern();
}
