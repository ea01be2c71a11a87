namespace SfaFlow.Sales.Accounts;

/// <summary>What a person sets on an account (create and update replace them all; a missing owner keeps the current one).</summary>
public sealed record AccountFields
{
    public required string Name { get; init; }

    public long? CustomerCategoryId { get; init; }

    public long? RegionId { get; init; }

    /// <summary>Defaults to the person creating it; on an update, null keeps the owner.</summary>
    public long? OwnerId { get; init; }

    public AccountLifecycle Lifecycle { get; init; } = AccountLifecycle.Prospect;

    public string? Website { get; init; }

    public string? Phone { get; init; }

    public string? City { get; init; }

    public string? Country { get; init; }

    public string? Industry { get; init; }
}
