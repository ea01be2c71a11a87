using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Lists;

/// <summary>
/// A list field over a property path: filters, sorts and sums are expressions on it, so they translate to SQL (values go
/// in as parameters, never as SQL text).
/// </summary>
internal sealed class TypedListField<T, TValue>(string name, ListFieldKind kind, ListFieldUse use, Expression<Func<T, TValue>> selector)
    : ListField<T>(name, kind, use)
{
    // Enough for a multi-select in a UI; a longer list is a sign of a query that should be a join instead.
    private const int MaxValues = 100;

    private readonly Func<T, TValue> _getter = selector.Compile();

    public override object? ValueOf(T record) => _getter(record);

    internal override IQueryable<T> Sort(IQueryable<T> records, bool descending, bool first) => (first, descending) switch
    {
        (true, false) => records.OrderBy(selector),
        (true, true) => records.OrderByDescending(selector),
        (false, false) => ((IOrderedQueryable<T>)records).ThenBy(selector),
        (false, true) => ((IOrderedQueryable<T>)records).ThenByDescending(selector),
    };

    internal override Expression<Func<T, bool>>? Filter(FilterOperator op, string parameter, string text, List<RuleViolation> violations)
    {
        var body = selector.Body;
        if (Kind == ListFieldKind.Text)
        {
            // Whole value, any case: lower() on both sides (SQLite's lower() folds ASCII letters only).
            var lowered = Expression.Call(body, typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!);
            return Lambda(Expression.Equal(lowered, Parameter((TValue)(object)text.ToLowerInvariant())));
        }

        var texts = op == FilterOperator.Equal && Kind is ListFieldKind.Id or ListFieldKind.Enum or ListFieldKind.Number
            ? text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [text];
        if (texts.Length is 0 or > MaxValues)
        {
            violations.Add(new RuleViolation(parameter, $"{parameter} takes from 1 to {MaxValues} values, comma-separated."));
            return null;
        }

        Expression? condition = null;
        foreach (var one in texts)
        {
            if (!ListValues.TryParse(typeof(TValue), one, out var parsed) || parsed is null)
            {
                violations.Add(new RuleViolation(parameter, $"{parameter} must be {ListValues.Expectation(typeof(TValue))}; '{one}' is not."));
                return null;
            }

            var part = Compare(body, op, (TValue)parsed, Kind == ListFieldKind.Moment && ListValues.IsDateOnly(one));
            condition = condition is null ? part : Expression.OrElse(condition, part);
        }

        return Lambda(condition!);
    }

    internal override Expression Contains(ParameterExpression record, string lowered)
    {
        if (typeof(TValue) != typeof(string))
        {
            throw new InvalidOperationException($"Field '{Name}' is not text and cannot be searched.");
        }

        var body = new ParameterReplacer(selector.Parameters[0], record).Visit(selector.Body);
        var lower = Expression.Call(body, typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!);
        var contains = Expression.Call(lower, typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!, Parameter(lowered));
        return Expression.AndAlso(Expression.NotEqual(body, Expression.Constant(null, typeof(string))), contains);
    }

    internal override async Task<decimal> SumAsync(IQueryable<T> records, CancellationToken cancellationToken) => records.Select(selector) switch
    {
        IQueryable<decimal> amounts => await amounts.SumAsync(cancellationToken),
        IQueryable<decimal?> amounts => await amounts.SumAsync(cancellationToken) ?? 0m,
        _ => throw new InvalidOperationException($"Field '{Name}' is not an amount and cannot be summed."),
    };

    /// <summary>
    /// A date alone on a moment field means that whole day (UTC): equal is within it, "to" is before the next day, so
    /// <c>closedAtTo=2026-03-31</c> includes the 31st.
    /// </summary>
    private static BinaryExpression Compare(Expression body, FilterOperator op, TValue value, bool wholeDay)
    {
        if (wholeDay)
        {
            var start = (DateTimeOffset)(object)value!;
            var next = Parameter((TValue)(object)start.AddDays(1));
            return op switch
            {
                FilterOperator.Equal => Expression.AndAlso(Expression.GreaterThanOrEqual(body, Parameter(value)), Expression.LessThan(body, next)),
                FilterOperator.To => Expression.LessThan(body, next),
                _ => Expression.GreaterThanOrEqual(body, Parameter(value)),
            };
        }

        var operand = Parameter(value);
        return op switch
        {
            FilterOperator.Min or FilterOperator.From => Expression.GreaterThanOrEqual(body, operand),
            FilterOperator.Max or FilterOperator.To => Expression.LessThanOrEqual(body, operand),
            _ => Expression.Equal(body, operand),
        };
    }

    private Expression<Func<T, bool>> Lambda(Expression condition) => Expression.Lambda<Func<T, bool>>(condition, selector.Parameters);

    /// <summary>A value read from a closure, as a compiler would write it, so EF sends it as a SQL parameter.</summary>
    private static MemberExpression Parameter<TBoxed>(TBoxed value) =>
        Expression.Property(Expression.Constant(new Box<TBoxed>(value)), nameof(Box<TBoxed>.Value));

    private sealed record Box<TBoxed>(TBoxed Value);

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
