using System.Linq.Expressions;
using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Lists;

/// <summary>One field of a record list: its name (as in the JSON and the CSV header), its kind, and what callers may do with it.</summary>
public abstract class ListField<T>
{
    private protected ListField(string name, ListFieldKind kind, ListFieldUse use)
    {
        Name = name;
        Kind = kind;
        Use = use;
    }

    public string Name { get; }

    public ListFieldKind Kind { get; }

    public ListFieldUse Use { get; }

    public bool Allows(ListFieldUse use) => (Use & use) == use;

    /// <summary>The filter parameters the field answers to: its name, and the range parameters of its kind.</summary>
    public IReadOnlyList<string> FilterParameters => !Allows(ListFieldUse.Filter) ? []
        : Kind is ListFieldKind.Number ? [Name, Name + "Min", Name + "Max"]
        : Kind is ListFieldKind.Date or ListFieldKind.Moment ? [Name, Name + "From", Name + "To"]
        : [Name];

    /// <summary>The range operator a parameter suffix means for this kind, if any.</summary>
    internal FilterOperator? RangeOperator(string suffix) => (Kind, suffix.ToUpperInvariant()) switch
    {
        (ListFieldKind.Number, "MIN") => FilterOperator.Min,
        (ListFieldKind.Number, "MAX") => FilterOperator.Max,
        (ListFieldKind.Date or ListFieldKind.Moment, "FROM") => FilterOperator.From,
        (ListFieldKind.Date or ListFieldKind.Moment, "TO") => FilterOperator.To,
        _ => null,
    };

    internal abstract IQueryable<T> Sort(IQueryable<T> records, bool descending, bool first);

    /// <summary>The condition a filter value makes, or null (with a violation) when the value is not one of the field's.</summary>
    internal abstract Expression<Func<T, bool>>? Filter(FilterOperator op, string parameter, string text, List<RuleViolation> violations);

    /// <summary>Whether the field contains the (lower-case) text, over the given record parameter; text fields only.</summary>
    internal abstract Expression Contains(ParameterExpression record, string lowered);

    /// <summary>The field's value of a loaded record (CSV export).</summary>
    public abstract object? ValueOf(T record);

    internal abstract Task<decimal> SumAsync(IQueryable<T> records, CancellationToken cancellationToken);
}
