namespace SfaFlow.Workflows.Activities.Flow;

/// <summary>How an explicit join waits for its inbound branches (Elsa's <c>FlowJoinMode</c>).</summary>
public enum FlowJoinMode
{
    /// <summary>Continue on the first branch to arrive and cancel the others still running.</summary>
    WaitAny,

    /// <summary>Wait for every branch; if one was not taken, the join and what follows are skipped.</summary>
    WaitAll,

    /// <summary>Wait for every branch still active; continue if any arrived.</summary>
    WaitAllActive,
}
