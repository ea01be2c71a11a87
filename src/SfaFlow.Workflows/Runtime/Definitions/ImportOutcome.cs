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
}

/// <summary>The version an import ended on, and what it took.</summary>
public sealed record ImportResult(StoredDefinition Definition, ImportOutcome Outcome);
