using System.Globalization;
using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Lists;

/// <summary>
/// What a list asks for, the same for every record list (DESIGN.md, "HTTP API"): a page, a sort, a text search and
/// filters by field name. An export takes the same query and ignores the page, so a file holds what the list showed.
/// </summary>
public sealed record RecordQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>The parameters that are not filters.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(["page", "pageSize", "sort", "q"], StringComparer.OrdinalIgnoreCase);

    /// <summary>From 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>From 1 to <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Field names, comma-separated, each with a leading <c>-</c> for descending (<c>-amount,name</c>); null for the list's default.</summary>
    public string? Sort { get; init; }

    /// <summary>Text searched for (case-insensitive, anywhere) in the list's searchable fields (<c>?q=</c>).</summary>
    public string? Search { get; init; }

    /// <summary>Filters by parameter name (<c>status</c>, <c>amountMin</c>, <c>expectedCloseDateTo</c>, ...) with their values as sent.</summary>
    public IReadOnlyDictionary<string, string> Filters { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Reads a query string's parameters: <c>page</c>, <c>pageSize</c>, <c>sort</c> and <c>q</c> are the query's own, every
    /// other one is a filter (repeated ones are joined with commas, <c>status=Open&amp;status=Won</c> is <c>status=Open,Won</c>).
    /// </summary>
    /// <exception cref="InvalidListQueryException">page or pageSize is not a whole number.</exception>
    public static RecordQuery FromParameters(IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in parameters)
        {
            if (!string.IsNullOrEmpty(value))
            {
                (values.TryGetValue(name, out var list) ? list : values[name] = []).Add(value);
            }
        }

        var violations = new List<RuleViolation>();
        var query = new RecordQuery
        {
            Page = Number(values, "page", 1, violations),
            PageSize = Number(values, "pageSize", DefaultPageSize, violations),
            Sort = values.TryGetValue("sort", out var sort) ? string.Join(',', sort) : null,
            Search = values.TryGetValue("q", out var q) ? string.Join(' ', q) : null,
            Filters = values.Where(v => !Reserved.Contains(v.Key)).ToDictionary(v => v.Key, v => string.Join(',', v.Value), StringComparer.OrdinalIgnoreCase),
        };
        return violations.Count > 0 ? throw new InvalidListQueryException(violations) : query;
    }

    private static int Number(Dictionary<string, List<string>> values, string name, int fallback, List<RuleViolation> violations)
    {
        if (!values.TryGetValue(name, out var given))
        {
            return fallback;
        }

        if (given.Count == 1 && int.TryParse(given[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        violations.Add(new RuleViolation(name, $"{name} must be a whole number; '{string.Join(',', given)}' is not."));
        return fallback;
    }
}
