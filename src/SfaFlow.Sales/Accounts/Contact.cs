using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Accounts;

/// <summary>A person at an account. Owner and region follow the account's unless set, so scope sees them together.</summary>
public sealed class Contact : SalesRecord, IOwnedRecord
{
    public long AccountId { get; set; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    public string? Title { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public long OwnerId { get; set; }

    public long? RegionId { get; set; }
}
