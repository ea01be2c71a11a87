using System.Text.Json.Serialization;
using SfaFlow.Workflows.Definitions;

namespace SfaFlow.Web.Api;

/// <summary>
/// One located problem in a request, the items of a problem's <c>errors</c> extension: a JSON path (or a query parameter
/// name), what is wrong, and, when known, the 1-based line and column (of the body, or of a script when
/// <see cref="InScript"/>). Location fields are left out when unknown, rather than written as nulls.
/// </summary>
public sealed record ApiError(
    string Path,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Line = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Column = null)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool InScript { get; init; }

    public string Severity { get; init; } = nameof(DiagnosticSeverity.Error);

    public static ApiError From(DefinitionDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return new ApiError(diagnostic.Path, diagnostic.Message, diagnostic.Line, diagnostic.Column)
        {
            InScript = diagnostic.InScript,
            Severity = diagnostic.Severity.ToString(),
        };
    }
}
