using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Organization;

/// <summary>A region: its name and the region it is part of (regions form a tree).</summary>
public sealed record RegionFields(string Name, long? ParentId = null);

/// <summary>A team: its name and manager.</summary>
public sealed record TeamFields(string Name, long? ManagerId = null);

/// <summary>A person in the sales organization, as an admin sets them up.</summary>
public sealed record SalesUserFields
{
    /// <summary>The sign-in name (unique); the identity of the same name signs in as this person.</summary>
    public required string UserName { get; init; }

    public required string DisplayName { get; init; }

    public string? Email { get; init; }

    public SalesRole Role { get; init; } = SalesRole.Rep;

    public long? ManagerId { get; init; }

    public long? TeamId { get; init; }

    public RecordScope Scope { get; init; } = RecordScope.Own;

    public IReadOnlyList<long> RegionIds { get; init; } = [];

    public bool IsActive { get; init; } = true;
}
