using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Accounts;

/// <summary>A customer organization (or one being won as a customer).</summary>
public sealed class Account : SalesRecord, IOwnedRecord
{
    public required string Name { get; set; }

    public long? CustomerCategoryId { get; set; }

    public long? RegionId { get; set; }

    public long OwnerId { get; set; }

    public AccountLifecycle Lifecycle { get; set; }

    public string? Website { get; set; }

    public string? Phone { get; set; }

    public string? City { get; set; }

    public string? Country { get; set; }

    public string? Industry { get; set; }
}
