using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SfaFlow.Data.Plugins;

internal sealed class PluginDeliveryRowConfiguration : IEntityTypeConfiguration<PluginDeliveryRow>
{
    public void Configure(EntityTypeBuilder<PluginDeliveryRow> builder)
    {
        builder.ToTable("PluginDeliveries");
        builder.HasKey(d => d.Id);

        // One delivery per event and listener: a redelivered outbox message adds nothing (ON CONFLICT DO NOTHING).
        builder.HasIndex(d => new { d.EventId, d.PluginId, d.Listener }).IsUnique();

        // The claim reads pending deliveries by due time; partial, so that it stays as small as the backlog.
        builder.HasIndex(d => new { d.NextAttemptAt, d.Id }).HasFilter("\"DeliveredAt\" IS NULL AND \"GaveUpAt\" IS NULL");
        builder.HasIndex(d => d.DeliveredAt).HasFilter("\"DeliveredAt\" IS NOT NULL");
    }
}
