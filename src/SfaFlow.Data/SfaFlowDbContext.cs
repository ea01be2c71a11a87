using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Sales;
using SfaFlow.Data.Outbox;
using SfaFlow.Data.Plugins;
using SfaFlow.Data.Workflows;

namespace SfaFlow.Data;

/// <summary>
/// SfaFlow's one database: workflow definitions, instances and their indexes, the outbox, the sales records (mapped in Sales/), and
/// the sign-in accounts of ASP.NET Core Identity (mapped in Identity/). Identity keeps users only, no roles: a person's
/// role is their <c>SalesUser.Role</c>, so there is nothing to keep in sync.
/// </summary>
public sealed class SfaFlowDbContext(DbContextOptions<SfaFlowDbContext> options) : IdentityUserContext<IdentityUser>(options)
{
    internal DbSet<DefinitionRow> Definitions => Set<DefinitionRow>();

    internal DbSet<TriggerRow> Triggers => Set<TriggerRow>();

    internal DbSet<InstanceRow> Instances => Set<InstanceRow>();

    internal DbSet<BookmarkRow> Bookmarks => Set<BookmarkRow>();

    internal DbSet<OccurrenceRow> Occurrences => Set<OccurrenceRow>();

    /// <summary>
    /// Pinned rather than taken from the host's <c>IdentityOptions</c>, so the model the migrations were made from (no
    /// host) and the one the host runs are the same. Version 2 rather than 3: version 3 adds passkeys, which SfaFlow
    /// does not offer (and whose JSON-mapped data type the table renaming in Identity/ breaks).
    /// </summary>
    protected override Version SchemaVersion => IdentitySchemaVersions.Version2;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        SalesConventions.Apply(configurationBuilder);
    }
    internal DbSet<EventReceiptRow> EventReceipts => Set<EventReceiptRow>();

    internal DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    internal DbSet<PluginDeliveryRow> PluginDeliveries => Set<PluginDeliveryRow>();

    /// <summary>Set by <see cref="OutboxDbContextExtensions.AddDomainEvent"/>; cleared when the commit has woken the dispatcher.</summary>
    internal bool HasUncommittedDomainEvents { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SfaFlowDbContext).Assembly);
    }
}
