using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Auditing;

/// <summary>
/// What to read of the audit log: one record's changes (<see cref="RecordType"/> and <see cref="RecordId"/>), or the
/// whole log (admins only), narrowed by record type, by who changed and by when. Newest first, paged.
/// </summary>
public sealed record AuditQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    private static readonly string[] Parameters = ["recordType", "recordId", "byUserId", "from", "to", "page", "pageSize"];

    /// <summary>The record's type as the log names it ("Opportunity"); any case.</summary>
    public string? RecordType { get; init; }

    public long? RecordId { get; init; }

    public long? ByUserId { get; init; }

    /// <summary>Changes at or after this moment.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Changes at or before this moment (a date alone, as a parameter, means the end of that day).</summary>
    public DateTimeOffset? To { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Reads the query from request parameters, the way the record lists read theirs (moments as in docs/api.md).</summary>
    /// <exception cref="InvalidListQueryException">An unknown parameter, a value of the wrong kind, a page out of range, or a record id without its type.</exception>
    public static AuditQuery FromParameters(IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var violations = new List<RuleViolation>();
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in parameters.Where(p => !string.IsNullOrEmpty(p.Value)))
        {
            violations.Require(Parameters.Contains(name, StringComparer.OrdinalIgnoreCase), name, $"'{name}' is not a parameter of the audit log; its parameters are {string.Join(", ", Parameters)}.");
            violations.Require(values.TryAdd(name, value!), name, $"{name} is given twice.");
        }

        var to = Value<DateTimeOffset>(values, "to", violations);
        var query = new AuditQuery
        {
            RecordType = values.GetValueOrDefault("recordType")?.Trim(),
            RecordId = Value<long>(values, "recordId", violations),
            ByUserId = Value<long>(values, "byUserId", violations),
            From = Value<DateTimeOffset>(values, "from", violations),
            To = to is { } end && ListValues.IsDateOnly(values["to"]) ? end.AddDays(1).AddSeconds(-1) : to,
            Page = Value<int>(values, "page", violations) ?? 1,
            PageSize = Value<int>(values, "pageSize", violations) ?? DefaultPageSize,
        };
        violations.Require(query.Page >= 1, "page", $"page must be 1 or more, not {query.Page}.");
        violations.Require(query.PageSize is >= 1 and <= MaxPageSize, "pageSize", $"pageSize must be between 1 and {MaxPageSize}, not {query.PageSize}.");
        violations.Require(query.RecordId is null || query.RecordType is not null, "recordType", "recordId needs recordType: ids are counted per type.");
        return violations.Count > 0 ? throw new InvalidListQueryException(violations) : query;
    }

    private static TValue? Value<TValue>(Dictionary<string, string> values, string name, List<RuleViolation> violations) where TValue : struct
    {
        if (!values.TryGetValue(name, out var text))
        {
            return null;
        }

        if (ListValues.TryParse(typeof(TValue), text, out var value) && value is TValue typed)
        {
            return typed;
        }

        violations.Add(new RuleViolation(name, $"{name} must be {ListValues.Expectation(typeof(TValue))}; '{text}' is not."));
        return null;
    }
}
