namespace SfaFlow.Workflows.Runtime.Triggers;

/// <summary>
/// A scheduled trigger that starts one instance per item at each occurrence ("every weekday at 08:00, for each stalled
/// deal"), each correlated to its item. Every item's start is deduplicated by an event id derived from the occurrence and
/// the item, so an occurrence fired again after a crash starts only what it had not started yet.
/// </summary>
public interface IScheduledFanOut
{
    /// <summary>The six-field cron expression (seconds first, UTC) from the trigger's literal inputs; null when unset.</summary>
    string? CronExpression(IReadOnlyDictionary<string, object?> settings);

    /// <summary>The time zone of the cron expression's hours (an IANA id) from the literal inputs; null for UTC.</summary>
    /// <exception cref="InvalidOperationException">The inputs name a time zone this machine does not know.</exception>
    string? TimeZone(IReadOnlyDictionary<string, object?> settings) => null;

    /// <summary>The items of one occurrence: each instance's correlation id and the payload its trigger activity receives.</summary>
    Task<IReadOnlyList<FanOutItem>> ExpandAsync(IReadOnlyDictionary<string, object?> settings, DateTimeOffset scheduledAt, IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>One instance an occurrence starts: correlated to <see cref="CorrelationId"/> (a record: <c>opportunity:7</c>).</summary>
public sealed record FanOutItem(string CorrelationId, object? Payload);
