using SfaFlow.Sales.Organization;

namespace SfaFlow.Sales.Workflows.Assignment;

/// <summary>What an activity asks of <see cref="AssigneeResolver"/>.</summary>
/// <param name="Mode">How to choose.</param>
/// <param name="Record">The record the assignment is about (its owner and region matter).</param>
public sealed record AssignmentRequest(AssignmentMode Mode, RecordReference Record)
{
    /// <summary>The role for RoleInRegion, RoundRobin and LeastOpenTasks.</summary>
    public SalesRole Role { get; init; } = SalesRole.Rep;

    /// <summary>The user for <see cref="AssignmentMode.User"/>: an id or a user name.</summary>
    public string? User { get; init; }

    /// <summary>Narrows a RoundRobin or LeastOpenTasks pool to a team.</summary>
    public long? TeamId { get; init; }

    /// <summary>Narrows a RoundRobin or LeastOpenTasks pool to the users working in a region.</summary>
    public long? RegionId { get; init; }

    /// <summary>For <see cref="AssignmentMode.RegionRule"/>: region name to user (id or user name).</summary>
    public IReadOnlyDictionary<string, string> RegionRules { get; init; } = new Dictionary<string, string>();
}

/// <summary>The owner and region of the record an assignment is about.</summary>
public readonly record struct RecordPlacement(long OwnerId, long? RegionId);
