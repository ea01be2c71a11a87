namespace SfaFlow.Workflows.Instances;

/// <summary>A unit of scheduled work, kept with the instance when a fault stops a run before it got to it.</summary>
public sealed record PendingWork
{
    /// <summary>Run a new execution of this activity (by node id) ...</summary>
    public string? NodeId { get; init; }

    /// <summary>... inside this composite execution.</summary>
    public string? ParentContextId { get; init; }

    public bool LoopRun { get; init; }

    /// <summary>Or resume this activity execution ...</summary>
    public string? ContextId { get; init; }

    /// <summary>... with this bookmark and payload.</summary>
    public Bookmark? Bookmark { get; init; }

    public object? Payload { get; init; }
}
