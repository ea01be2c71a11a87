namespace SfaFlow.Sales.Workflows.Assignment;

/// <summary>How a task's assignee or a record's new owner is chosen (see <see cref="AssigneeResolver"/>).</summary>
public enum AssignmentMode
{
    /// <summary>The owner of the record.</summary>
    RecordOwner,

    /// <summary>An active user of a role working in the record's region, or in the nearest region above it that has one.</summary>
    RoleInRegion,

    /// <summary>A named user (id or user name).</summary>
    User,

    /// <summary>The next active user of a role (optionally of a team or region), in turn.</summary>
    RoundRobin,

    /// <summary>The active user of the same pool with the fewest open tasks.</summary>
    LeastOpenTasks,

    /// <summary>The user a rule names for the record's region (or the nearest region above it with a rule).</summary>
    RegionRule,
}
