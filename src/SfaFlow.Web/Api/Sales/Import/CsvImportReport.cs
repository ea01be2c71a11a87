using SfaFlow.Sales.Import;

namespace SfaFlow.Web.Api.Sales.Import;

/// <summary>
/// What a CSV import did, as the API shows it: the 200 body, and the members of the 422 problem when nothing was written.
/// Its own type (not <see cref="ImportReport"/>) so the API description does not confuse it with a workflow import's report.
/// </summary>
public sealed record CsvImportReport(
    int RowsRead, int RowsImported, int RowsInvalid, IReadOnlyList<ImportError> Errors, int ErrorsOmitted, IReadOnlyList<string> IgnoredColumns, bool Committed)
{
    public static CsvImportReport From(ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.RowsRead, report.RowsImported, report.RowsInvalid, report.Errors, report.ErrorsOmitted, report.IgnoredColumns, report.Committed);
    }

    /// <summary>The report's members by their JSON names, for the extensions of a problem.</summary>
    public Dictionary<string, object?> ToExtensions() => new()
    {
        ["rowsRead"] = RowsRead,
        ["rowsImported"] = RowsImported,
        ["rowsInvalid"] = RowsInvalid,
        ["errors"] = Errors,
        ["errorsOmitted"] = ErrorsOmitted,
        ["ignoredColumns"] = IgnoredColumns,
        ["committed"] = Committed,
    };
}
