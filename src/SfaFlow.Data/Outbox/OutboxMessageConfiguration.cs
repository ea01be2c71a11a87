using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SfaFlow.Data.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => m.EventId).IsUnique();

        // The dispatcher's claim reads pending messages in occurrence order; partial, so that it stays as small as the
        // backlog however many dispatched messages are kept.
        builder.HasIndex(m => new { m.OccurredAt, m.Id }).HasFilter("\"DispatchedAt\" IS NULL AND \"GaveUpAt\" IS NULL");
        // The claim also looks for an earlier pending message of the same record, which must go first.
        builder.HasIndex(m => new { m.CorrelationId, m.OccurredAt, m.Id }).HasFilter("\"DispatchedAt\" IS NULL AND \"GaveUpAt\" IS NULL");
        builder.HasIndex(m => m.DispatchedAt).HasFilter("\"DispatchedAt\" IS NOT NULL");
    }
}
