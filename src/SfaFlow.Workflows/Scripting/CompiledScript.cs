using Acornima.Ast;
using Jint;

namespace SfaFlow.Workflows.Scripting;

/// <summary>
/// A script parsed once and shared by every evaluation and thread. It runs as the body of a function, so that its
/// declarations (<c>var</c> included) stay local to one evaluation in a pooled, locked-down engine. To keep Elsa's
/// semantics (a bare expression such as <c>a > 1</c> is the script's value, and so is a top-level <c>return</c>), a
/// script whose last statement is an expression returns that expression.
/// </summary>
internal sealed class CompiledScript
{
    /// <summary>
    /// The text the wrapper puts on the first line, before the user's script. The function needs its own directive: the
    /// engine's strict option covers top-level code only.
    /// </summary>
    public const string Prefix = "(function () { 'use strict';\n";

    public const string Suffix = "\n})()";

    public const string ReturnKeyword = "return ";

    public required string Source { get; init; }

    public required Prepared<Script> Prepared { get; init; }

    /// <summary>
    /// The identifiers the script mentions. Generated accessors and host functions are defined on an engine when a
    /// script first names them.
    /// </summary>
    public required IReadOnlyList<string> Identifiers { get; init; }

    /// <summary>Names used as <c>variables.Name</c>; only these are copied into and back out of the <c>variables</c> object.</summary>
    public required IReadOnlyList<string> VariablesMembers { get; init; }

    /// <summary>Where <see cref="ReturnKeyword"/> was inserted (1-based line, 0-based column in the user's script), if anywhere.</summary>
    public (int Line, int Column)? InsertedReturn { get; init; }

    /// <summary>Maps a position in the wrapped script back to the user's script (1-based line and column).</summary>
    public Instances.ScriptLocation? ToUserLocation(int wrappedLine, int wrappedColumn)
    {
        var line = wrappedLine - 1;
        if (line < 1)
        {
            return null;
        }

        var column = wrappedColumn;
        if (InsertedReturn is { } inserted && inserted.Line == line && column >= inserted.Column + ReturnKeyword.Length)
        {
            column -= ReturnKeyword.Length;
        }

        return new Instances.ScriptLocation(line, column + 1);
    }
}
