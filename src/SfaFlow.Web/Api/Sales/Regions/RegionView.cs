using SfaFlow.Sales.Organization;

namespace SfaFlow.Web.Api.Sales.Regions;

/// <summary>A region as the API shows it: its name and the region it is part of (null at the top of the tree).</summary>
public sealed record RegionView(long Id, int Version, string Name, long? ParentId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static RegionView From(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return new(region.Id, region.Version, region.Name, region.ParentId, region.CreatedAt, region.UpdatedAt);
    }
}

/// <summary>A region with the regions below it, for pickers that show the territory tree.</summary>
public sealed record RegionNode(long Id, string Name, IReadOnlyList<RegionNode> Children)
{
    /// <summary>
    /// The forest of regions, each level by name. A region whose parent is gone is shown at the top rather than lost;
    /// regions cannot form a cycle (<see cref="RegionService"/> refuses one), and one would only be left out, never loop.
    /// </summary>
    public static IReadOnlyList<RegionNode> Tree(IReadOnlyCollection<Region> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var ids = regions.Select(r => r.Id).ToHashSet();
        var below = regions.ToLookup(r => r.ParentId is { } parent && ids.Contains(parent) ? parent : (long?)null);
        IReadOnlyList<RegionNode> Level(long? parent) =>
            [.. below[parent].OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Select(r => new RegionNode(r.Id, r.Name, Level(r.Id)))];
        return Level(null);
    }
}
