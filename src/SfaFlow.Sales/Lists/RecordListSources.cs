using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Lists;

/// <summary>
/// Where a list's records come from. The two kinds are kept apart on purpose: an owned record's list can only be made
/// scoped, and a shared one (base data everyone signed in reads) refuses owned record types, so no list forgets scope.
/// </summary>
internal static class RecordListSources
{
    public static RecordList<T> Owned<T>(string name, string defaultSort, Func<ISalesDatabase, IQueryable<T>> records)
        where T : SalesRecord, IOwnedRecord =>
        new(name, defaultSort, (db, by) => records(db).AsNoTracking().VisibleTo(by));

    public static RecordList<T> Shared<T>(string name, string defaultSort, Func<ISalesDatabase, IQueryable<T>> records)
        where T : SalesRecord =>
        typeof(IOwnedRecord).IsAssignableFrom(typeof(T))
            ? throw new InvalidOperationException($"{typeof(T).Name} is owned: its list must apply record scope.")
            : new(name, defaultSort, (db, _) => records(db).AsNoTracking());
}
