using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SfaFlow.Data.Outbox;
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

namespace SfaFlow.Data.Sales;

/// <summary>A unit of work on the sales records over one pooled <see cref="SfaFlowDbContext"/>.</summary>
internal sealed class EfSalesDatabase(SfaFlowDbContext db, TimeProvider clock) : ISalesDatabase
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

    public Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) =>
        db.Database.BeginTransactionAsync(cancellationToken);

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
