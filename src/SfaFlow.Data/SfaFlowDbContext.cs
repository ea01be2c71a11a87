using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Sales;
using SfaFlow.Data.Outbox;
using SfaFlow.Data.Workflows;

namespace SfaFlow.Data;

/// <summary>SfaFlow's one database: workflow definitions, instances and their indexes, the outbox, and the sales records (mapped in Sales/).</summary>
public sealed class SfaFlowDbContext(DbContextOptions<SfaFlowDbContext> options) : DbContext(options)
{
    internal DbSet<DefinitionRow> Definitions => Set<DefinitionRow>();

    internal DbSet<TriggerRow> Triggers => Set<TriggerRow>();

    internal DbSet<InstanceRow> Instances => Set<InstanceRow>();

    internal DbSet<BookmarkRow> Bookmarks => Set<BookmarkRow>();

    internal DbSet<OccurrenceRow> Occurrences => Set<OccurrenceRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        SalesConventions.Apply(configurationBuilder);
    }
    internal DbSet<EventReceiptRow> EventReceipts => Set<EventReceiptRow>();

    internal DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>Set by <see cref="OutboxDbContextExtensions.AddDomainEvent"/>; cleared when the commit has woken the dispatcher.</summary>
    internal bool HasUncommittedDomainEvents { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SfaFlowDbContext).Assembly);
    }
}
