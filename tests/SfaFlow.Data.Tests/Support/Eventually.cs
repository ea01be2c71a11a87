namespace SfaFlow.Data.Tests.Support;

/// <summary>Waits for a condition, not for a time: polls until it holds, failing only after a generous deadline.</summary>
public static class Eventually
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    /// <summary>The first non-null value <paramref name="probe"/> returns.</summary>
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe) where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The condition did not hold within {Deadline.TotalSeconds} s.");
            }

            await Task.Delay(20);
        }
    }
}
