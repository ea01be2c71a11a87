using SfaFlow.Sales.Accounts;

namespace SfaFlow.Web.Api.Sales.Accounts;

/// <summary>An account as the API shows it; <see cref="Version"/> is also its ETag.</summary>
public sealed record AccountView(
    long Id, int Version, string Name, long? CustomerCategoryId, long? RegionId, long OwnerId, AccountLifecycle Lifecycle,
    string? Website, string? Phone, string? City, string? Country, string? Industry, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static AccountView From(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(account.Id, account.Version, account.Name, account.CustomerCategoryId, account.RegionId, account.OwnerId, account.Lifecycle,
            account.Website, account.Phone, account.City, account.Country, account.Industry, account.CreatedAt, account.UpdatedAt);
    }
}
