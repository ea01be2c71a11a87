using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Records;

namespace SfaFlow.Data.Sales;

/// <summary>What every sales record's mapping shares: its table, the version as concurrency token, owner and region keys.</summary>
internal static class RecordConfiguration
{
    public static EntityTypeBuilder<T> Record<T>(this EntityTypeBuilder<T> builder, string table) where T : SalesRecord
    {
        builder.ToTable(table);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Version).IsConcurrencyToken();
        return builder;
    }

    /// <summary>Owner and region, indexed: record scope filters every query on them.</summary>
    public static EntityTypeBuilder<T> Owned<T>(this EntityTypeBuilder<T> builder) where T : SalesRecord, IOwnedRecord
    {
        builder.HasOne<SalesUser>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.OwnerId);
        builder.HasIndex(r => r.RegionId);
        return builder;
    }
}
