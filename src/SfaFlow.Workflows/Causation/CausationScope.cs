namespace SfaFlow.Workflows.Causation;

/// <summary>
/// The causation chain of the workflow run in progress on this async flow, set by the engine for the length of a burst.
/// The data layer reads it when a record change inside the run raises a domain event, so that the event carries the chain
/// that led to it without every activity and sales service passing it along.
/// </summary>
public static class CausationScope
{
    private static readonly AsyncLocal<CausationChain?> CurrentChain = new();

    /// <summary>The chain of the run in progress here, or null outside any run (or in a run no event caused).</summary>
    public static CausationChain? Current => CurrentChain.Value;

    /// <summary>Makes <paramref name="chain"/> current until the returned handle is disposed.</summary>
    public static Restore Enter(CausationChain? chain)
    {
        var previous = CurrentChain.Value;
        CurrentChain.Value = chain;
        return new Restore(previous);
    }

    /// <summary>Puts back the chain that was current before <see cref="Enter"/>.</summary>
    public readonly struct Restore(CausationChain? previous) : IDisposable
    {
        public void Dispose() => CurrentChain.Value = previous;
    }
}
