namespace SfaFlow.Workflows.Instances;

/// <summary>
/// The join bookkeeping of one running flowchart. Arrays are indexed by the activity's and the connection's position in
/// the flowchart's definition, which never changes for an instance because it is pinned to its definition version.
/// </summary>
public sealed class FlowchartState
{
    /// <summary>The activity the flowchart started from; the loop analysis depends on it.</summary>
    public string? StartActivityId { get; set; }

    /// <summary>Counter mode: completed visits per activity.</summary>
    public int[] ActivityVisits { get; set; } = [];

    /// <summary>Counter mode: visits per connection.</summary>
    public int[] ConnectionVisits { get; set; } = [];

    /// <summary>Counter mode: whether the connection's last visit was followed (its port was among the outcomes).</summary>
    public bool[] ConnectionFollowed { get; set; } = [];

    /// <summary>Token mode: unconsumed tokens.</summary>
    public List<FlowToken> Tokens { get; set; } = [];
}

/// <summary>
/// A token on a connection (token mode). A blocked token marks a connection that lost a race: the next token to arrive
/// on it is absorbed instead of scheduling the target.
/// </summary>
/// <param name="Connection">The connection's position in the flowchart.</param>
/// <param name="Blocked">Whether this is a block marker rather than a real arrival.</param>
public sealed record FlowToken(int Connection, bool Blocked = false);
