using SfaFlow.Workflows.Runtime.Definitions;

namespace SfaFlow.Web.Api.Workflows.Definitions;

/// <summary>
/// One imported file: the outcome and the version it ended on with the compiler's warnings (an activity type no loaded
/// plugin provides, say: imported all the same), or the located errors that kept it out. <see cref="File"/> is the path
/// inside the zip (null for a single JSON body).
/// </summary>
public sealed record ImportFileReport(
    string? File, ImportOutcome? Outcome, DefinitionSummary? Definition, IReadOnlyList<ApiError>? Errors, IReadOnlyList<ApiError>? Warnings = null)
{
    public bool Succeeded => Outcome is not null;

    public static ImportFileReport Imported(string? file, ImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ImportFileReport(file, result.Outcome, DefinitionSummary.From(result.Definition), null, [.. result.Warnings.Select(ApiError.From)]);
    }

    public static ImportFileReport Rejected(string? file, IEnumerable<ApiError> errors) => new(file, null, null, [.. errors]);
}
