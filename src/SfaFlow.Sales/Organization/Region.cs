using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Organization;

/// <summary>A sales territory. Regions form a tree (EMEA > DACH > Bavaria); a region scope covers the region and all below it.</summary>
public sealed class Region : SalesRecord
{
    public required string Name { get; set; }

    public long? ParentId { get; set; }
}
