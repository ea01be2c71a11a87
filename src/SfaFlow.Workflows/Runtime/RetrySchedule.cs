namespace SfaFlow.Workflows.Runtime;

/// <summary>
/// When a failed piece of queued work (an outbox message, a plugin delivery) is tried again: after a delay that doubles
/// with each failed attempt up to a cap, until the last allowed attempt, after which it is given up.
/// </summary>
public sealed record RetrySchedule(TimeSpan FirstDelay, TimeSpan MaxDelay, int MaxAttempts)
{
    /// <summary>When to try again after <paramref name="attempts"/> failed attempts; null when it is given up.</summary>
    public DateTimeOffset? Next(int attempts, DateTimeOffset now)
    {
        if (attempts >= MaxAttempts)
        {
            return null;
        }

        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return now + TimeSpan.FromTicks((long)Math.Min(FirstDelay.Ticks * factor, MaxDelay.Ticks));
    }
}
