using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Lists;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Orders;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Pipelines;
using SfaFlow.Sales.Products;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;
using SfaFlow.Workflows.Runtime;

namespace SfaFlow.Sales.Auditing;

/// <summary>
/// Reads the audit log with the same reach as the records themselves: a record's changes are readable by whoever can
/// read the record (an owned record out of scope is "not found", as a read of it would be; base data by everyone signed
/// in; people's records, which hold roles and scopes, by admins only). The whole log is for admins, who see every record anyway.
/// </summary>
public sealed class AuditLog(ISalesDatabaseFactory databases)
{
    private static readonly Dictionary<string, Func<ISalesDatabase, long, SalesPrincipal, CancellationToken, Task<bool>>> OwnedTypes = new()
    {
        [nameof(Lead)] = (db, id, by, ct) => db.Leads.VisibleTo(by).AnyAsync(r => r.Id == id, ct),
        [nameof(Account)] = (db, id, by, ct) => db.Accounts.VisibleTo(by).AnyAsync(r => r.Id == id, ct),
        [nameof(Contact)] = (db, id, by, ct) => db.Contacts.VisibleTo(by).AnyAsync(r => r.Id == id, ct),
        [nameof(Opportunity)] = (db, id, by, ct) => db.Opportunities.VisibleTo(by).AnyAsync(r => r.Id == id, ct),
        [nameof(Order)] = (db, id, by, ct) => db.Orders.VisibleTo(by).AnyAsync(r => r.Id == id, ct),
        [nameof(SalesActivity)] = (db, id, by, ct) => db.Activities.VisibleTo(by).AnyAsync(r => r.Id == id, ct),
    };

    private static readonly string[] SharedTypes = [nameof(Product), nameof(Pipeline), nameof(Stage), nameof(Region), nameof(Team), nameof(CustomerCategory)];

    private static readonly string[] AdminTypes = [nameof(SalesUser)];

    /// <summary>Every record type the log holds entries of, as it names them.</summary>
    public static IReadOnlyList<string> RecordTypes { get; } = [.. OwnedTypes.Keys, .. SharedTypes, .. AdminTypes];

    /// <summary>A page of entries, newest first (ties in id order, so pages never overlap), each with its changer's display name.</summary>
    /// <exception cref="InvalidListQueryException">The record type is not one the log knows.</exception>
    /// <exception cref="RecordNotFoundException">The owned record does not exist or is outside the caller's scope.</exception>
    /// <exception cref="PermissionDeniedException">The whole log, or a user's changes, asked for by someone not an admin.</exception>
    public async Task<PagedResult<AuditLogEntry>> ReadAsync(AuditQuery query, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(by);
        var recordType = query.RecordType is null ? null
            : RecordTypes.FirstOrDefault(t => t.Equals(query.RecordType, StringComparison.OrdinalIgnoreCase))
              ?? throw new InvalidListQueryException([new RuleViolation("recordType", $"'{query.RecordType}' is not a record type of the audit log; the types are {string.Join(", ", RecordTypes)}.")]);
        await using var db = await databases.OpenAsync(cancellationToken);
        if (query.RecordId is { } recordId)
        {
            await AuthorizeRecordAsync(db, recordType!, recordId, by, cancellationToken);
        }
        else if (!by.IsAdmin)
        {
            throw new PermissionDeniedException("Only an admin may read the whole audit log; ask for one record's changes with recordType and recordId.");
        }

        var entries = Filter(db.AuditEntries.AsNoTracking(), query, recordType);
        var total = await entries.CountAsync(cancellationToken);
        var page = await entries
            .LeftJoin(db.Users, a => a.ByUserId, u => (long?)u.Id, (a, u) => new { Entry = a, ByDisplayName = u == null ? null : u.DisplayName })
            .OrderByDescending(x => x.Entry.At).ThenByDescending(x => x.Entry.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(x => new AuditLogEntry(x.Entry.Id, x.Entry.RecordType, x.Entry.RecordId, x.Entry.Change, x.Entry.Field, x.Entry.OldValue, x.Entry.NewValue,
                x.Entry.At, x.Entry.ByUserId, x.ByDisplayName, x.Entry.ByWorkflowInstanceId, x.Entry.Reason))
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditLogEntry>(page, total, query.Page, query.PageSize);
    }

    /// <remarks>Admins read the whole log, so a record's changes (even a deleted record's) are theirs without a scope check.</remarks>
    private static async Task AuthorizeRecordAsync(ISalesDatabase db, string recordType, long recordId, SalesPrincipal by, CancellationToken cancellationToken)
    {
        if (by.IsAdmin)
        {
            return;
        }

        if (AdminTypes.Contains(recordType))
        {
            throw new PermissionDeniedException("Only an admin may read the changes of users.");
        }

        if (OwnedTypes.TryGetValue(recordType, out var visible) && !await visible(db, recordId, by, cancellationToken))
        {
            throw new RecordNotFoundException(recordType, recordId);
        }
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, AuditQuery query, string? recordType)
    {
        if (recordType is not null)
        {
            entries = entries.Where(a => a.RecordType == recordType);
        }

        if (query.RecordId is { } recordId)
        {
            entries = entries.Where(a => a.RecordId == recordId);
        }

        if (query.ByUserId is { } userId)
        {
            entries = entries.Where(a => a.ByUserId == userId);
        }

        if (query.From is { } from)
        {
            entries = entries.Where(a => a.At >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(a => a.At <= to);
        }

        return entries;
    }
}
