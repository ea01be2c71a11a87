namespace SfaFlow.Sales.Import;

/// <summary>
/// One problem of an import: the row (numbered as a spreadsheet shows it, the header is row 1), the column or field it is
/// about (null for the row as a whole), and what is wrong in plain words.
/// </summary>
public sealed record ImportError(int Row, string? Field, string Message);

/// <summary>What an import did: rows read, rows written, and every problem by row and field.</summary>
public sealed record ImportReport
{
    /// <summary>The most errors a report lists; a file with more is usually the wrong file, and a million entries help no one.</summary>
    public const int MaxErrors = 1000;

    /// <summary>Data rows read (the header not counted).</summary>
    public int RowsRead { get; init; }

    /// <summary>Rows written: every valid row, or none when the import was all-or-nothing and a row was invalid.</summary>
    public int RowsImported { get; init; }

    /// <summary>Rows refused (each has at least one entry in <see cref="Errors"/>, up to <see cref="MaxErrors"/>).</summary>
    public int RowsInvalid { get; init; }

    public IReadOnlyList<ImportError> Errors { get; init; } = [];

    /// <summary>Errors not listed beyond <see cref="MaxErrors"/>.</summary>
    public int ErrorsOmitted { get; init; }

    /// <summary>Columns of an export the import does not set (id, version, maintained fields): read past, not refused.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    /// <summary>Whether anything was written.</summary>
    public bool Committed => RowsImported > 0;
}
