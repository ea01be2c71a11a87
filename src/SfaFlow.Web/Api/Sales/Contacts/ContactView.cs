using SfaFlow.Sales.Accounts;

namespace SfaFlow.Web.Api.Sales.Contacts;

/// <summary>A contact as the API shows it; <see cref="Version"/> is also its ETag.</summary>
public sealed record ContactView(
    long Id, int Version, long AccountId, string FirstName, string LastName, string? Title, string? Email, string? Phone,
    long OwnerId, long? RegionId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ContactView From(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return new(contact.Id, contact.Version, contact.AccountId, contact.FirstName, contact.LastName, contact.Title, contact.Email, contact.Phone,
            contact.OwnerId, contact.RegionId, contact.CreatedAt, contact.UpdatedAt);
    }
}
