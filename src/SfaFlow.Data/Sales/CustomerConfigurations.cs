using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Organization;

namespace SfaFlow.Data.Sales;

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.Record("Leads").Owned();
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.Company).HasMaxLength(200);
        builder.Property(l => l.Email).HasMaxLength(320);
        builder.Property(l => l.Phone).HasMaxLength(50);
        builder.Property(l => l.Source).HasMaxLength(100);
        builder.Property(l => l.CustomFields).HasConversion(new SalesConventions.JsonDictionaryConverter(), SalesConventions.DictionaryComparer);
        builder.HasOne<CustomerCategory>().WithMany().HasForeignKey(l => l.CustomerCategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.Status);
        builder.HasIndex(l => l.CreatedAt);
    }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.Record("Accounts").Owned();
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.HasOne<CustomerCategory>().WithMany().HasForeignKey(a => a.CustomerCategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.Name);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Record("Contacts").Owned();
        builder.Property(c => c.FirstName).HasMaxLength(100);
        builder.Property(c => c.LastName).HasMaxLength(100);
        builder.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.AccountId);
    }
}
