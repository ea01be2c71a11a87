using System.Linq.Expressions;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Lists;

/// <summary>
/// A list of records as callers may query it: where the records come from (scoped by <see cref="RecordScopeFilter"/> for
/// owned records, so a list, a count, a sum and an export see the same records), and the whitelist of fields with what each
/// allows. <see cref="SalesLists"/> holds one per resource; <see cref="RecordLists"/> runs queries on them.
/// </summary>
public sealed partial class RecordList<T> where T : SalesRecord
{
    private readonly List<ListField<T>> _fields = [];
    private readonly Dictionary<string, ListField<T>> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<ISalesDatabase, SalesPrincipal, IQueryable<T>> _source;

    internal RecordList(string name, string defaultSort, Func<ISalesDatabase, SalesPrincipal, IQueryable<T>> source)
    {
        Name = name;
        DefaultSort = defaultSort;
        _source = source;
    }

    /// <summary>The resource's name in messages and file names ("opportunities").</summary>
    public string Name { get; }

    /// <summary>The sort when a query gives none.</summary>
    public string DefaultSort { get; }

    public IReadOnlyList<ListField<T>> Fields => _fields;

    /// <summary>The CSV export's columns, in order.</summary>
    public IReadOnlyList<ListField<T>> ExportFields => [.. _fields.Where(f => f.Allows(ListFieldUse.Export))];

    /// <summary>What a single read loads with the record (a deal's lines).</summary>
    internal Func<IQueryable<T>, IQueryable<T>> Detail { get; private set; } = records => records;

    public ListField<T>? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The records the principal may see, untracked.</summary>
    internal IQueryable<T> Source(ISalesDatabase db, SalesPrincipal by) => _source(db, by);

    /// <summary>
    /// Adds a field. Its kind follows its type; a whole number named <c>id</c> or <c>...Id</c> is an id (equality only).
    /// </summary>
    internal RecordList<T> Field<TValue>(string name, Expression<Func<T, TValue>> selector, ListFieldUse use = ListFieldUse.Default)
    {
        var type = Nullable.GetUnderlyingType(typeof(TValue)) ?? typeof(TValue);
        var kind = type switch
        {
            _ when type == typeof(string) => ListFieldKind.Text,
            _ when type == typeof(bool) => ListFieldKind.Bool,
            _ when type == typeof(DateOnly) => ListFieldKind.Date,
            _ when type == typeof(DateTimeOffset) => ListFieldKind.Moment,
            _ when type.IsEnum => ListFieldKind.Enum,
            _ when type == typeof(long) && (name == "id" || name.EndsWith("Id", StringComparison.Ordinal)) => ListFieldKind.Id,
            _ when type == typeof(long) || type == typeof(int) || type == typeof(decimal) => ListFieldKind.Number,
            _ => throw new NotSupportedException($"List field '{name}' has a type lists do not support ({type.Name})."),
        };
        if ((use.HasFlag(ListFieldUse.Search) && kind != ListFieldKind.Text) || (use.HasFlag(ListFieldUse.Sum) && type != typeof(decimal)))
        {
            throw new InvalidOperationException($"List field '{name}' cannot be searched or summed as {kind}.");
        }

        var field = new TypedListField<T, TValue>(name, kind, use, selector);
        _fields.Add(field);
        _byName.Add(name, field);
        return this;
    }

    internal RecordList<T> WithDetail(Func<IQueryable<T>, IQueryable<T>> detail)
    {
        Detail = detail;
        return this;
    }
}
