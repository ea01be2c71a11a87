using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Records;

/// <summary>Loading one owned record for a change: within the caller's scope, at the version the caller read.</summary>
public static class RecordLoading
{
    /// <exception cref="RecordNotFoundException">No such record, or out of scope.</exception>
    public static async Task<T> FindInScopeAsync<T>(this IQueryable<T> records, long id, SalesPrincipal principal, CancellationToken cancellationToken)
        where T : SalesRecord, IOwnedRecord =>
        await records.VisibleTo(principal).FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
        ?? throw new RecordNotFoundException(typeof(T).Name, id);

    /// <exception cref="VersionConflictException">The caller read an older version.</exception>
    public static void CheckVersion(this SalesRecord record, int? expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (expectedVersion is { } expected && expected != record.Version)
        {
            throw new VersionConflictException(record.GetType().Name, record.Id, expected, record.Version);
        }
    }
}
