using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Orders;
using SfaFlow.Sales.Pipelines;
using SfaFlow.Sales.Products;

namespace SfaFlow.Data.Sales;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.Record("Opportunities").Owned();
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Ignore(o => o.Probability);
        builder.Ignore(o => o.ForecastCategory);
        builder.HasOne<Account>().WithMany().HasForeignKey(o => o.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Pipeline>().WithMany().HasForeignKey(o => o.PipelineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Stage>().WithMany().HasForeignKey(o => o.StageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => o.AccountId);
        builder.HasIndex(o => o.ExpectedCloseDate);
        builder.HasIndex(o => o.ClosedAt);
        // Open deals are what the pipeline views read; closed ones only by period.
        builder.HasIndex(o => new { o.PipelineId, o.StageId }).HasFilter("\"Status\" = 'Open'").HasDatabaseName("IX_Opportunities_Open_Stage");
    }
}

internal sealed class OpportunityLineConfiguration : IEntityTypeConfiguration<OpportunityLine>
{
    public void Configure(EntityTypeBuilder<OpportunityLine> builder)
    {
        builder.ToTable("OpportunityLines");
        builder.Ignore(l => l.Total);
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.ProductId);
    }
}

internal sealed class StageChangeConfiguration : IEntityTypeConfiguration<StageChange>
{
    public void Configure(EntityTypeBuilder<StageChange> builder)
    {
        builder.ToTable("StageChanges");
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(c => c.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.OpportunityId, c.At });
        builder.HasIndex(c => new { c.PipelineId, c.At });
    }
}

internal sealed class StageVisitConfiguration : IEntityTypeConfiguration<StageVisit>
{
    public void Configure(EntityTypeBuilder<StageVisit> builder)
    {
        builder.ToTable("StageVisits");
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(v => v.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.OpportunityId, v.StageId });
        builder.HasIndex(v => new { v.StageId, v.EnteredAt });
    }
}

internal sealed class StageTimeConfiguration : IEntityTypeConfiguration<StageTime>
{
    public void Configure(EntityTypeBuilder<StageTime> builder)
    {
        builder.ToTable("StageTimes");
        builder.HasKey(t => new { t.OpportunityId, t.StageId });
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(t => t.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.StageId);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Record("Products");
        builder.Property(p => p.Code).HasMaxLength(50);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.HasIndex(p => p.Code).IsUnique();
    }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.Record("Orders").Owned();
        builder.Property(o => o.Number).HasMaxLength(50);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.HasIndex(o => o.Number).IsUnique();
        builder.HasOne<Account>().WithMany().HasForeignKey(o => o.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(o => o.OpportunityId).OnDelete(DeleteBehavior.SetNull);
        // One order per won deal: a retried "won" cannot create a second.
        builder.HasIndex(o => o.OpportunityId).IsUnique();
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.ToTable("OrderLines");
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}
