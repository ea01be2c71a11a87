using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SfaFlow.Plugins.Events;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Auditing;
using SfaFlow.Sales.Decisions;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Orders;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Pipelines;
using SfaFlow.Sales.Products;
using SfaFlow.Sales.Workflows.Assignment;

namespace SfaFlow.Sales;

/// <summary>
/// One unit of work on the sales records (implemented by SfaFlow.Data over its one DbContext). Saving stamps times and
/// versions, checks versions (optimistic concurrency) and writes the audit log of every changed field, all in one
/// transaction with the change.
/// </summary>
public interface ISalesDatabase : IAsyncDisposable
{
    DbSet<Lead> Leads { get; }

    DbSet<Account> Accounts { get; }

    DbSet<Contact> Contacts { get; }

    DbSet<Opportunity> Opportunities { get; }

    DbSet<StageChange> StageChanges { get; }

    DbSet<StageVisit> StageVisits { get; }

    DbSet<StageTime> StageTimes { get; }

    DbSet<Product> Products { get; }

    DbSet<Order> Orders { get; }

    DbSet<SalesActivity> Activities { get; }

    DbSet<Pipeline> Pipelines { get; }

    DbSet<Stage> Stages { get; }

    DbSet<Region> Regions { get; }

    DbSet<Team> Teams { get; }

    DbSet<CustomerCategory> CustomerCategories { get; }

    DbSet<SalesUser> Users { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<DecisionTrace> DecisionTraces { get; }

    /// <summary>Where each round-robin pool stands (see <c>AssigneeResolver</c>).</summary>
    DbSet<AssignmentCursor> AssignmentCursors { get; }

    /// <summary>The committed effects of workflow activity executions, by idempotency key (see <c>ActivityEffects</c>).</summary>
    DbSet<Workflows.Effects.WorkflowEffect> WorkflowEffects { get; }

    /// <summary>Who the changes saved next are made by, for the audit log.</summary>
    ChangeActor Actor { get; set; }

    /// <summary>Saves every change (with audit entries) in one transaction.</summary>
    /// <exception cref="DbUpdateConcurrencyException">A record changed since it was read.</exception>
    Task SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets every record this unit of work tracks, saved or not. An import calls it after each row: a refused row then
    /// leaves nothing behind for the next save to write, and a long import does not slow down with what it has read.
    /// </summary>
    void ClearTracking();

    /// <summary>
    /// Raises a domain event with the next save: built once that save has given new records their ids, and written to the
    /// outbox in the same transaction as the change, so workflows hear of exactly what was committed.
    /// </summary>
    void Raise(Func<DomainEvent> domainEvent);

    /// <summary>
    /// A transaction around several saves (lead conversion, an activity's effect), committed by the caller. It takes the
    /// write lock at once where the database has one (SQLite), so that its first write never fails for a lock it could
    /// have waited for. Within a unit of work that joined another (<c>SalesUnitOfWork</c>), the outer transaction holds:
    /// this one commits nothing itself.
    /// </summary>
    Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default);
}

/// <summary>Opens units of work on the sales records.</summary>
public interface ISalesDatabaseFactory
{
    Task<ISalesDatabase> OpenAsync(CancellationToken cancellationToken = default);
}
