using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Organization;

/// <summary>A person in the sales organization: role, manager, team, regions, and the scope of records they work on.</summary>
public sealed class SalesUser : SalesRecord
{
    public required string UserName { get; set; }

    public required string DisplayName { get; set; }

    public string? Email { get; set; }

    public SalesRole Role { get; set; }

    public long? ManagerId { get; set; }

    public long? TeamId { get; set; }

    public RecordScope Scope { get; set; }

    /// <summary>The regions they work in (their region scope covers these and everything below).</summary>
    public List<long> RegionIds { get; set; } = [];

    public bool IsActive { get; set; } = true;
}
