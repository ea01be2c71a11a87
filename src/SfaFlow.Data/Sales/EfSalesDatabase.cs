using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SfaFlow.Data.Outbox;
using SfaFlow.Data.Sqlite;
using SfaFlow.Plugins.Events;
using SfaFlow.Sales;
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
using SfaFlow.Sales.Workflows.Effects;

namespace SfaFlow.Data.Sales;

/// <summary>
/// A unit of work on the sales records over one pooled <see cref="SfaFlowDbContext"/>; or, <paramref name="joined"/>, a
/// view of another unit of work's context (<see cref="SalesUnitOfWork"/>): it saves into that one's transaction, begins
/// none of its own and leaves the context open when disposed.
/// </summary>
internal sealed class EfSalesDatabase(SfaFlowDbContext db, TimeProvider clock, bool joined = false) : ISalesDatabase
{
    public DbSet<Lead> Leads => db.Set<Lead>();

    public DbSet<Account> Accounts => db.Set<Account>();

    public DbSet<Contact> Contacts => db.Set<Contact>();

    public DbSet<Opportunity> Opportunities => db.Set<Opportunity>();

    public DbSet<StageChange> StageChanges => db.Set<StageChange>();

    public DbSet<StageVisit> StageVisits => db.Set<StageVisit>();

    public DbSet<StageTime> StageTimes => db.Set<StageTime>();

    public DbSet<Product> Products => db.Set<Product>();

    public DbSet<Order> Orders => db.Set<Order>();

    public DbSet<SalesActivity> Activities => db.Set<SalesActivity>();

    public DbSet<Pipeline> Pipelines => db.Set<Pipeline>();

    public DbSet<Stage> Stages => db.Set<Stage>();

    public DbSet<Region> Regions => db.Set<Region>();

    public DbSet<Team> Teams => db.Set<Team>();

    public DbSet<CustomerCategory> CustomerCategories => db.Set<CustomerCategory>();

    public DbSet<SalesUser> Users => db.Set<SalesUser>();

    public DbSet<AuditEntry> AuditEntries => db.Set<AuditEntry>();

    public DbSet<DecisionTrace> DecisionTraces => db.Set<DecisionTrace>();

    public DbSet<AssignmentCursor> AssignmentCursors => db.Set<AssignmentCursor>();

    public DbSet<WorkflowEffect> WorkflowEffects => db.Set<WorkflowEffect>();

    private readonly List<Func<DomainEvent>> _pending = [];

    public ChangeActor Actor { get; set; } = ChangeActor.System;

    internal SfaFlowDbContext Context => db;

    public async Task SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        // Audit entries of inserted records need their ids: with no transaction open, one is opened around both saves.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var now = clock.GetUtcNow();
            var recorder = new SalesChangeRecorder(db.ChangeTracker, Actor, now);
            recorder.Stamp();
            await db.SaveChangesAsync(cancellationToken);
            var entries = recorder.Audit();
            db.AddRange(entries);
            foreach (var domainEvent in _pending.Select(raise => raise()).Concat(recorder.RecordUpdatedEvents()))
            {
                db.AddDomainEvent(domainEvent);
            }

            _pending.Clear();
            if (db.ChangeTracker.HasChanges())
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    public void ClearTracking()
    {
        db.ChangeTracker.Clear();
        _pending.Clear();
    }

    public void Raise(Func<DomainEvent> domainEvent) => _pending.Add(domainEvent);

    public async Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        if (joined)
        {
            return JoinedTransaction.Instance;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var transaction = await Sql.BeginWriteAsync(db.Database.GetDbConnection(), cancellationToken);
        return await db.Database.UseTransactionAsync(transaction, cancellationToken) ?? throw new InvalidOperationException("EF Core did not take the transaction.");
    }

    /// <summary>This unit of work's context, for a service that joins it (<see cref="SalesUnitOfWork"/>).</summary>
    public EfSalesDatabase Join() => new(db, clock, joined: true);

    public ValueTask DisposeAsync() => joined ? ValueTask.CompletedTask : db.DisposeAsync();
}
