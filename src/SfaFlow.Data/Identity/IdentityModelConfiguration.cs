using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SfaFlow.Data.Identity;

// Identity's tables named like the rest of the database ("UserAccounts" beside "SalesUsers") instead of "AspNetUsers".
// An account's UserName is the UserName of the SalesUser it signs in as.

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<IdentityUser>
{
    public void Configure(EntityTypeBuilder<IdentityUser> builder) => builder.ToTable("UserAccounts");
}

internal sealed class UserAccountClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<string>> builder) => builder.ToTable("UserAccountClaims");
}

internal sealed class UserAccountLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> builder) => builder.ToTable("UserAccountLogins");
}

internal sealed class UserAccountTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> builder) => builder.ToTable("UserAccountTokens");
}
