using Acornima.Ast;
using Jint;

namespace SfaFlow.Workflows.Scripting;

/// <summary>
/// A script parsed once and shared by every evaluation and thread. The source is wrapped in a block before it is
/// prepared, so <c>let</c>, <c>const</c> and <c>class</c> declarations stay local to one evaluation while a bare expression
/// (<c>a > 1</c>) and a top-level <c>return a > 1;</c> both give the script's value.
/// </summary>
internal sealed class CompiledScript
{
    /// <summary>Lines the wrapper adds before the first line of the user's script.</summary>
    public const int WrapperLineOffset = 1;

    public required string Source { get; init; }

    public required Prepared<Script> Prepared { get; init; }

    /// <summary>Identifiers of the form <c>getX</c>/<c>setX</c> the script mentions: candidates for Elsa's generated accessors.</summary>
    public required IReadOnlyList<string> AccessorNames { get; init; }

    /// <summary>Names used as <c>variables.Name</c>; only these are copied into and back out of the <c>variables</c> object.</summary>
    public required IReadOnlyList<string> VariablesMembers { get; init; }
}
