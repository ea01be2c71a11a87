using SfaFlow.Workflows.Definitions;

namespace SfaFlow.Workflows.Runtime.Definitions;

/// <summary>What an import did.</summary>
public enum ImportOutcome
{
    /// <summary>A new definition was created.</summary>
    Created,

    /// <summary>The content changed: a new version was created.</summary>
    NewVersion,

    /// <summary>The content was already there: nothing was written (beyond publishing it if asked and needed).</summary>
    Unchanged,

    /// <summary>
    /// A workflows-folder file that changed was not imported, because someone saved or published a later version of its
    /// definition than the file's: their version stays (see <see cref="ImportResult.FileVersion"/>).
    /// </summary>
    Kept,
}

/// <summary>The version an import ended on, and what it took.</summary>
public sealed record ImportResult(StoredDefinition Definition, ImportOutcome Outcome)
{
    /// <summary>
    /// What the compiler warns about in <see cref="Definition"/>, such as an activity type that no built-in activity or
    /// loaded plugin provides (published all the same: a run that reaches it faults). Located by JSON path.
    /// </summary>
    public IReadOnlyList<DefinitionDiagnostic> Warnings { get; init; } = [];

    /// <summary>For a file: the version last imported from it, when there is one.</summary>
    public StoredDefinition? FileVersion { get; init; }
}
