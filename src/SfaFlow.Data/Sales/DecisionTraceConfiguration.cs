using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SfaFlow.Sales.Decisions;

namespace SfaFlow.Data.Sales;

/// <summary>
/// Decision traces: append-only, read per record newest first. No foreign key to the record: a trace names a lead or a
/// deal by type and id, and explains a decision even about a record deleted since.
/// </summary>
internal sealed class DecisionTraceConfiguration : IEntityTypeConfiguration<DecisionTrace>
{
    public void Configure(EntityTypeBuilder<DecisionTrace> builder)
    {
        builder.ToTable("DecisionTraces");
        builder.Property(t => t.RecordType).HasMaxLength(20);
        builder.Property(t => t.Subject).HasMaxLength(200);
        builder.Property(t => t.Result).HasMaxLength(20);
        builder.Property(t => t.WorkflowInstanceId).HasMaxLength(100);
        builder.HasIndex(t => new { t.RecordType, t.RecordId, t.At });
    }
}
