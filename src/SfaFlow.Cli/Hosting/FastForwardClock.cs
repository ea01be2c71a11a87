namespace SfaFlow.Cli.Hosting;

/// <summary>
/// The wall clock, able to jump forward. Fast timers move it to a timer's due time before resuming the timer, so the
/// workflow sees the time it would have seen had it really waited: a Delay started after the jump is due relative to the
/// jump, and timers fire in the order they would have in real life.
/// </summary>
internal sealed class FastForwardClock(TimeProvider inner) : TimeProvider
{
    private TimeSpan _offset;

    public FastForwardClock()
        : this(System)
    {
    }

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + _offset;

    /// <summary>Moves the clock to <paramref name="time"/> unless it is already past it; time never runs backwards.</summary>
    public void AdvanceTo(DateTimeOffset time)
    {
        var now = GetUtcNow();
        if (time > now)
        {
            _offset += time - now;
        }
    }
}
