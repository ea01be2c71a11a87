using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SfaFlow.Data.Workflows;

internal sealed class DefinitionRowConfiguration : IEntityTypeConfiguration<DefinitionRow>
{
    public void Configure(EntityTypeBuilder<DefinitionRow> builder)
    {
        builder.ToTable("WorkflowDefinitions");
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
        builder.HasIndex(d => new { d.IsLatest, d.Name });
    }
}

internal sealed class TriggerRowConfiguration : IEntityTypeConfiguration<TriggerRow>
{
    public void Configure(EntityTypeBuilder<TriggerRow> builder)
    {
        builder.ToTable("WorkflowTriggers");
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => new { t.Name, t.Key });
        builder.HasIndex(t => t.DefinitionId);
    }
}

internal sealed class InstanceRowConfiguration : IEntityTypeConfiguration<InstanceRow>
{
    public void Configure(EntityTypeBuilder<InstanceRow> builder)
    {
        builder.ToTable("WorkflowInstances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => new { i.Status, i.SubStatus, i.CreatedAt });
        builder.HasIndex(i => new { i.DefinitionId, i.CreatedAt });
        builder.HasIndex(i => i.CorrelationId);

        // Only instances being run hold a lease: a partial index keeps recovery's lookup small however large history grows.
        builder.HasIndex(i => i.LeaseUntil).HasFilter("\"LeaseUntil\" IS NOT NULL");
    }
}

internal sealed class BookmarkRowConfiguration : IEntityTypeConfiguration<BookmarkRow>
{
    public void Configure(EntityTypeBuilder<BookmarkRow> builder)
    {
        builder.ToTable("WorkflowBookmarks");
        builder.HasKey(b => b.Id);
        builder.HasIndex(b => new { b.Name, b.Key });
        builder.HasIndex(b => b.InstanceId);
        builder.HasIndex(b => b.DueAt).HasFilter("\"DueAt\" IS NOT NULL");
        builder.HasOne<InstanceRow>().WithMany().HasForeignKey(b => b.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OccurrenceRowConfiguration : IEntityTypeConfiguration<OccurrenceRow>
{
    public void Configure(EntityTypeBuilder<OccurrenceRow> builder)
    {
        builder.ToTable("TriggerOccurrences");
        builder.HasKey(o => new { o.ScheduleKey, o.ScheduledAt });
        builder.HasIndex(o => o.ClaimedUntil).HasFilter("\"StartedAt\" IS NULL");
    }
}

internal sealed class EventReceiptRowConfiguration : IEntityTypeConfiguration<EventReceiptRow>
{
    public void Configure(EntityTypeBuilder<EventReceiptRow> builder)
    {
        builder.ToTable("EventReceipts");
        builder.HasKey(r => new { r.EventId, r.InstanceId });

        // Receipts live as long as their instance: a redelivery can only reach an instance that exists.
        builder.HasOne<InstanceRow>().WithMany().HasForeignKey(r => r.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
