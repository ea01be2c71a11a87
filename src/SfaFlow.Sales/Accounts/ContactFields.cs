namespace SfaFlow.Sales.Accounts;

/// <summary>What a person sets on a contact. Owner and region default to the account's, so scope sees them together.</summary>
public sealed record ContactFields
{
    public long AccountId { get; init; }

    public string? FirstName { get; init; }

    public required string LastName { get; init; }

    public string? Title { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    /// <summary>Defaults to the account's owner; on an update, null keeps the owner.</summary>
    public long? OwnerId { get; init; }

    /// <summary>Defaults to the account's region.</summary>
    public long? RegionId { get; init; }
}
