using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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

namespace SfaFlow.Data.Tests.WorkflowTasks;

/// <summary>
/// Units of work that let another run cut in: once armed, the next save that carries a round-robin turn first lets
/// <see cref="Rival"/> take a turn on the same pool in a unit of work of its own, committed before this one is. Two runs
/// contending for the cursor, made deterministic.
/// </summary>
internal sealed class RacingSalesDatabases(ISalesDatabaseFactory inner) : ISalesDatabaseFactory
{
    /// <summary>The other run's assignment, taken once just before the next save with a turn; null: nobody cuts in.</summary>
    public AssignmentRequest? Rival { get; set; }

    /// <summary>Whom the other run got.</summary>
    public long? RivalGot { get; private set; }

    public async Task<ISalesDatabase> OpenAsync(CancellationToken cancellationToken = default) =>
        new Racing(this, await inner.OpenAsync(cancellationToken));

    private async Task CutInAsync(CancellationToken cancellationToken)
    {
        if (Rival is not { } rival)
        {
            return;
        }

        Rival = null;
        await using var other = await inner.OpenAsync(cancellationToken);
        RivalGot = await AssigneeResolver.ResolveAsync(other, rival, cancellationToken);
        await other.SaveChangesAsync(cancellationToken);
    }

    private sealed class Racing(RacingSalesDatabases race, ISalesDatabase db) : ISalesDatabase
    {
        public DbSet<Lead> Leads => db.Leads;

        public DbSet<Account> Accounts => db.Accounts;

        public DbSet<Contact> Contacts => db.Contacts;

        public DbSet<Opportunity> Opportunities => db.Opportunities;

        public DbSet<StageChange> StageChanges => db.StageChanges;

        public DbSet<StageVisit> StageVisits => db.StageVisits;

        public DbSet<StageTime> StageTimes => db.StageTimes;

        public DbSet<Product> Products => db.Products;

        public DbSet<Order> Orders => db.Orders;

        public DbSet<SalesActivity> Activities => db.Activities;

        public DbSet<Pipeline> Pipelines => db.Pipelines;

        public DbSet<Stage> Stages => db.Stages;

        public DbSet<Region> Regions => db.Regions;

        public DbSet<Team> Teams => db.Teams;

        public DbSet<CustomerCategory> CustomerCategories => db.CustomerCategories;

        public DbSet<SalesUser> Users => db.Users;

        public DbSet<AuditEntry> AuditEntries => db.AuditEntries;

        public DbSet<DecisionTrace> DecisionTraces => db.DecisionTraces;

        public DbSet<AssignmentCursor> AssignmentCursors => db.AssignmentCursors;

        public ChangeActor Actor { get => db.Actor; set => db.Actor = value; }

        public async Task SaveChangesAsync(CancellationToken cancellationToken = default)
        {
            if (db.AssignmentCursors.Local.Count > 0)
            {
                await race.CutInAsync(cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        public void ClearTracking() => db.ClearTracking();

        public void Raise(Func<DomainEvent> domainEvent) => db.Raise(domainEvent);

        public Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) => db.BeginTransactionAsync(cancellationToken);

        public ValueTask DisposeAsync() => db.DisposeAsync();
    }
}
