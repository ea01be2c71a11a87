using System.Linq.Expressions;
using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Lists;

public sealed partial class RecordList<T>
{
    /// <summary>The records that match the query's filters and search, unsorted (for counts and sums).</summary>
    /// <exception cref="InvalidListQueryException">An unknown filter or a value of the wrong kind.</exception>
    internal IQueryable<T> Filter(IQueryable<T> records, RecordQuery query)
    {
        var violations = new List<RuleViolation>();
        records = Filter(records, query, violations);
        return violations.Count > 0 ? throw new InvalidListQueryException(violations) : records;
    }

    /// <summary>The records that match, in the query's order (then by id, so pages never overlap or skip).</summary>
    /// <exception cref="InvalidListQueryException">An unknown field, a value of the wrong kind, a page out of range.</exception>
    internal IQueryable<T> FilterAndSort(IQueryable<T> records, RecordQuery query, bool paged)
    {
        var violations = new List<RuleViolation>();
        if (paged)
        {
            CheckPage(query, violations);
        }

        records = Sort(Filter(records, query, violations), query.Sort, violations);
        return violations.Count > 0 ? throw new InvalidListQueryException(violations) : records;
    }

    private IQueryable<T> Filter(IQueryable<T> records, RecordQuery query, List<RuleViolation> violations)
    {
        foreach (var (parameter, text) in query.Filters)
        {
            if (Resolve(parameter) is not var (field, op))
            {
                violations.Add(new RuleViolation(parameter, $"'{parameter}' is not a filter of {Name}; its filters are {string.Join(", ", _fields.SelectMany(f => f.FilterParameters))}."));
            }
            else if (field.Filter(op, parameter, text, violations) is { } condition)
            {
                records = records.Where(condition);
            }
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var searched = _fields.Where(f => f.Allows(ListFieldUse.Search)).ToList();
            if (searched.Count == 0)
            {
                violations.Add(new RuleViolation("q", $"The {Name} list has no text to search."));
                return records;
            }

            var record = Expression.Parameter(typeof(T), "record");
            var lowered = query.Search.Trim().ToLowerInvariant();
            var any = searched.Select(f => f.Contains(record, lowered)).Aggregate(Expression.OrElse);
            records = records.Where(Expression.Lambda<Func<T, bool>>(any, record));
        }

        return records;
    }

    private (ListField<T> Field, FilterOperator Op)? Resolve(string parameter)
    {
        if (_byName.TryGetValue(parameter, out var exact))
        {
            return exact.Allows(ListFieldUse.Filter) ? (exact, FilterOperator.Equal) : null;
        }

        foreach (var suffix in (string[])["Min", "Max", "From", "To"])
        {
            if (parameter.Length > suffix.Length && parameter.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && _byName.TryGetValue(parameter[..^suffix.Length], out var field) && field.Allows(ListFieldUse.Filter)
                && field.RangeOperator(suffix) is { } op)
            {
                return (field, op);
            }
        }

        return null;
    }

    private IQueryable<T> Sort(IQueryable<T> records, string? sort, List<RuleViolation> violations)
    {
        var terms = (string.IsNullOrWhiteSpace(sort) ? DefaultSort : sort).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var sorted = false;
        var byId = false;
        foreach (var term in terms)
        {
            var descending = term.StartsWith('-');
            var name = descending ? term[1..] : term;
            if (!_byName.TryGetValue(name, out var field) || !field.Allows(ListFieldUse.Sort))
            {
                var sortable = _fields.Where(f => f.Allows(ListFieldUse.Sort)).Select(f => f.Name);
                violations.Add(new RuleViolation("sort", $"{Name} cannot be sorted by '{name}'; sort by {string.Join(", ", sortable)} (a leading '-' for descending)."));
                continue;
            }

            records = field.Sort(records, descending, first: !sorted);
            sorted = true;
            byId |= field.Name == "id";
        }

        // Records that tie on the sort keys come in id order, so that paging is stable.
        return !sorted ? records.OrderBy(r => r.Id) : byId ? records : ((IOrderedQueryable<T>)records).ThenBy(r => r.Id);
    }

    private static void CheckPage(RecordQuery query, List<RuleViolation> violations)
    {
        if (query.PageSize is < 1 or > RecordQuery.MaxPageSize)
        {
            violations.Add(new RuleViolation("pageSize", $"pageSize must be from 1 to {RecordQuery.MaxPageSize}, not {query.PageSize}."));
        }
        else if (query.Page < 1 || (long)(query.Page - 1) * query.PageSize > int.MaxValue)
        {
            violations.Add(new RuleViolation("page", $"page must be from 1 to {(int.MaxValue / query.PageSize) + 1}, not {query.Page}."));
        }
    }
}
