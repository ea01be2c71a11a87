using System.Globalization;
using CsvHelper;

namespace SfaFlow.Sales.Lists;

/// <summary>
/// The CSV dialect of exports and imports (RFC 4180): a header row of field names, invariant culture, values as
/// <see cref="ListValues"/> writes them. Exports are comma-separated; imports also take the semicolons and tabs that
/// spreadsheets in many locales write (CsvHelper detects the separator). Text that a spreadsheet would run as a formula is
/// written with a leading apostrophe (OWASP's advice against CSV injection), and an import takes that apostrophe off again.
/// </summary>
public static class CsvFormat
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static CsvWriterOptions Writing { get; } = new()
    {
        Separator = ',',
        FormatProvider = CultureInfo.InvariantCulture,

        // SfaFlow escapes formulas itself, in text fields only (every value reaches CsvHelper as text, negative numbers too).
        Injection = CsvInjection.None,
    };

    public static CsvReaderOptions Reading { get; } = new()
    {
        HasHeader = true,
        FormatProvider = CultureInfo.InvariantCulture,
        MissingField = CsvMissingFieldHandling.ReturnEmpty,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
    };

    /// <summary>Text as written to a file: a leading apostrophe when a spreadsheet would take it for a formula.</summary>
    public static string EscapeText(string text) =>
        !string.IsNullOrEmpty(text) && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    /// <summary>Text as read from a file: the apostrophe an export put before a formula-like value comes off.</summary>
    public static string UnescapeText(string text) =>
        text is ['\'', var next, ..] && FormulaStarts.Contains(next) ? text[1..] : text;
}
