namespace SfaFlow.Workflows.Definitions;

/// <summary>
/// A problem found in a workflow definition, located by a JSON path (<c>$.root.activities[3].condition</c>) and, for
/// malformed JSON and scripts, a line and column (both 1-based).
/// </summary>
public sealed record DefinitionDiagnostic(string Path, string Message, DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    public int? Line { get; init; }

    public int? Column { get; init; }

    /// <summary>True when <see cref="Line"/> and <see cref="Column"/> count from the start of a script, not the file.</summary>
    public bool InScript { get; init; }

    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString()
    {
        var location = Line is null ? "" : $" ({(InScript ? "script line" : "line")} {Line}, column {Column})";
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{severity} at {Path}: {Message}{location}";
    }
}

public enum DiagnosticSeverity
{
    Error,
    Warning,
}
