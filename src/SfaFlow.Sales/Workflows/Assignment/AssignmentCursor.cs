namespace SfaFlow.Sales.Workflows.Assignment;

/// <summary>
/// Where a round-robin pool stands: the user who got the last assignment. Kept in the database and changed in the same
/// transaction as the assignment, so the rotation survives restarts and stays fair across processes.
/// </summary>
public sealed class AssignmentCursor
{
    /// <summary>The pool, for example <c>Rep|team:3|region:-</c>.</summary>
    public required string Key { get; set; }

    public long LastUserId { get; set; }

    /// <summary>A concurrency token: two assignments from the same pool at once cannot both move the cursor from the same place.</summary>
    public int Version { get; set; }
}
