using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SfaFlow.Sales.Workflows.Effects;

namespace SfaFlow.Data.Sales;

internal sealed class WorkflowEffectConfiguration : IEntityTypeConfiguration<WorkflowEffect>
{
    public void Configure(EntityTypeBuilder<WorkflowEffect> builder)
    {
        builder.ToTable("WorkflowEffects");
        builder.HasKey(e => e.Key);
        builder.Property(e => e.Key).HasMaxLength(300);
        builder.Property(e => e.InstanceId).HasMaxLength(100);
        builder.Property(e => e.ActivityType).HasMaxLength(200);

        // Pruned with their instances.
        builder.HasIndex(e => e.InstanceId);
    }
}
