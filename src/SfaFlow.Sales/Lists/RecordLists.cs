using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;
using SfaFlow.Workflows.Runtime;

namespace SfaFlow.Sales.Lists;

/// <summary>
/// Reads any record list the same way: a page, a single record, a count, a sum, or every matching record for an export,
/// always within the caller's scope (<see cref="RecordList{T}.Source"/>) and with the same filters.
/// </summary>
public sealed class RecordLists(ISalesDatabaseFactory databases)
{
    /// <summary>One page: <c>{items, total, page, pageSize}</c>, total counting every match.</summary>
    /// <exception cref="InvalidListQueryException">An unknown field, a value of the wrong kind, a page out of range.</exception>
    public async Task<PagedResult<T>> ListAsync<T>(RecordList<T> list, RecordQuery query, SalesPrincipal by, CancellationToken cancellationToken = default)
        where T : SalesRecord
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(by);
        await using var db = await databases.OpenAsync(cancellationToken);
        var source = list.Source(db, by);
        var sorted = list.FilterAndSort(source, query, paged: true);
        var total = await list.Filter(source, query).CountAsync(cancellationToken);
        var items = await sorted.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<T>(items, total, query.Page, query.PageSize);
    }

    /// <summary>One record, with its details (a deal's lines).</summary>
    /// <exception cref="RecordNotFoundException">No such record, or out of scope (the same answer, so scope leaks nothing).</exception>
    public async Task<T> GetAsync<T>(RecordList<T> list, long id, SalesPrincipal by, CancellationToken cancellationToken = default)
        where T : SalesRecord
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(by);
        await using var db = await databases.OpenAsync(cancellationToken);
        return await list.Detail(list.Source(db, by)).FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(typeof(T).Name, id);
    }

    /// <summary>How many records match (paging ignored).</summary>
    public async Task<int> CountAsync<T>(RecordList<T> list, RecordQuery query, SalesPrincipal by, CancellationToken cancellationToken = default)
        where T : SalesRecord
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(by);
        await using var db = await databases.OpenAsync(cancellationToken);
        return await list.Filter(list.Source(db, by), query).CountAsync(cancellationToken);
    }

    /// <summary>The total of an amount field over every matching record (paging ignored), summed in the database.</summary>
    /// <exception cref="InvalidListQueryException">The field is not one the list sums, or the query is not valid.</exception>
    public async Task<decimal> SumAsync<T>(RecordList<T> list, RecordQuery query, string field, SalesPrincipal by, CancellationToken cancellationToken = default)
        where T : SalesRecord
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(by);
        var summed = list.Find(field ?? "") is { } found && found.Allows(ListFieldUse.Sum) ? found
            : throw new InvalidListQueryException([new RuleViolation("sum", $"{list.Name} cannot be summed by '{field}'; sum {string.Join(", ", list.Fields.Where(f => f.Allows(ListFieldUse.Sum)).Select(f => f.Name).DefaultIfEmpty("nothing"))}.")]);
        await using var db = await databases.OpenAsync(cancellationToken);
        return await summed.SumAsync(list.Filter(list.Source(db, by), query), cancellationToken);
    }

    /// <summary>
    /// Every matching record in the query's order, read as they are written out (an export of any size holds one
    /// database reader, not the whole list). The query is checked before the first record.
    /// </summary>
    public IAsyncEnumerable<T> StreamAsync<T>(RecordList<T> list, RecordQuery query, SalesPrincipal by, CancellationToken cancellationToken = default)
        where T : SalesRecord
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(by);

        // Checked here, outside the iterator, so a bad query fails the call itself rather than the first read.
        list.FilterAndSort(Enumerable.Empty<T>().AsQueryable(), query, paged: false);
        return StreamCheckedAsync(list, query, by, cancellationToken);
    }

    private async IAsyncEnumerable<T> StreamCheckedAsync<T>(RecordList<T> list, RecordQuery query, SalesPrincipal by, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : SalesRecord
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        await foreach (var record in list.FilterAndSort(list.Source(db, by), query, paged: false).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return record;
        }
    }
}
