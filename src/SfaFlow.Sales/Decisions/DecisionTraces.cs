using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;
using SfaFlow.Sales.Workflows;

namespace SfaFlow.Sales.Decisions;

/// <summary>A page of a record's decisions, newest first.</summary>
public sealed record DecisionTracePage(IReadOnlyList<DecisionTrace> Items, int Total, int Page, int PageSize);

/// <summary>
/// Keeps and reads decision traces. A trace is saved in its own unit of work: a refused stage move rolls its own changes
/// back, but why it was refused must stay.
/// </summary>
public sealed class DecisionTraces(ISalesDatabaseFactory databases)
{
    public const int MaxPageSize = 500;

    public async Task<DecisionTrace> RecordAsync(DecisionTrace trace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trace);
        await using var db = await databases.OpenAsync(cancellationToken);
        db.DecisionTraces.Add(trace);
        await db.SaveChangesAsync(cancellationToken);
        return trace;
    }

    /// <summary>The decisions about a lead or a deal, newest first, for whoever may read that record.</summary>
    /// <exception cref="RecordNotFoundException">No such record, or outside the reader's scope.</exception>
    public async Task<DecisionTracePage> ReadAsync(string recordType, long recordId, int page, int pageSize, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await databases.OpenAsync(cancellationToken);
        _ = recordType switch
        {
            RecordReference.Lead => (object)await db.Leads.AsNoTracking().FindInScopeAsync(recordId, by, cancellationToken),
            RecordReference.Opportunity => await db.Opportunities.AsNoTracking().FindInScopeAsync(recordId, by, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(recordType), recordType, "Decisions are kept for leads and opportunities."),
        };
        var traces = db.DecisionTraces.AsNoTracking().Where(t => t.RecordType == recordType && t.RecordId == recordId);
        var total = await traces.CountAsync(cancellationToken);
        var items = await traces.OrderByDescending(t => t.At).ThenByDescending(t => t.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new DecisionTracePage(items, total, page, pageSize);
    }
}
