using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Auditing;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Pipelines;
using SfaFlow.Sales.Workflows.Assignment;

namespace SfaFlow.Data.Sales;

internal sealed class PipelineConfiguration : IEntityTypeConfiguration<Pipeline>
{
    public void Configure(EntityTypeBuilder<Pipeline> builder)
    {
        builder.Record("Pipelines");
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.HasIndex(p => p.Name).IsUnique();
        builder.HasOne<Team>().WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Stages).WithOne().HasForeignKey(s => s.PipelineId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StageConfiguration : IEntityTypeConfiguration<Stage>
{
    public void Configure(EntityTypeBuilder<Stage> builder)
    {
        builder.ToTable("Stages");
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.HasIndex(s => new { s.PipelineId, s.Order }).IsUnique();
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.Record("Regions");
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Record("Teams");
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.HasOne<SalesUser>().WithMany().HasForeignKey(t => t.ManagerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CustomerCategoryConfiguration : IEntityTypeConfiguration<CustomerCategory>
{
    public void Configure(EntityTypeBuilder<CustomerCategory> builder)
    {
        builder.Record("CustomerCategories");
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.HasIndex(c => c.Name).IsUnique();
    }
}

internal sealed class SalesUserConfiguration : IEntityTypeConfiguration<SalesUser>
{
    public void Configure(EntityTypeBuilder<SalesUser> builder)
    {
        builder.Record("SalesUsers");
        builder.Property(u => u.UserName).HasMaxLength(100);
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.HasIndex(u => u.UserName).IsUnique();
        builder.HasOne<SalesUser>().WithMany().HasForeignKey(u => u.ManagerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SalesActivityConfiguration : IEntityTypeConfiguration<SalesActivity>
{
    public void Configure(EntityTypeBuilder<SalesActivity> builder)
    {
        builder.Record("Activities").Owned();
        builder.Property(a => a.Subject).HasMaxLength(300);
        builder.HasOne<Lead>().WithMany().HasForeignKey(a => a.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(a => a.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.OwnerId, a.Status, a.DueAt });
        builder.HasIndex(a => a.LeadId);
        builder.HasIndex(a => a.AccountId);
        builder.HasIndex(a => a.ContactId);
        builder.HasIndex(a => a.OpportunityId);
        builder.HasIndex(a => a.WorkflowBookmarkId);
        builder.Property(a => a.IdempotencyKey).HasMaxLength(200);
        builder.HasIndex(a => a.IdempotencyKey).IsUnique().HasFilter("\"IdempotencyKey\" IS NOT NULL");
    }
}

internal sealed class AssignmentCursorConfiguration : IEntityTypeConfiguration<AssignmentCursor>
{
    public void Configure(EntityTypeBuilder<AssignmentCursor> builder)
    {
        builder.ToTable("AssignmentCursors");
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(200);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.RecordType).HasMaxLength(50);
        builder.Property(a => a.Change).HasMaxLength(10);
        builder.Property(a => a.Field).HasMaxLength(100);
        builder.HasIndex(a => new { a.RecordType, a.RecordId });
    }
}
