namespace SfaFlow.Data.Plugins;

/// <summary>
/// One delivery of a committed domain event to one plugin listener (see <c>PluginEventDelivery</c>): written before the
/// outbox marks the event dispatched, claimed, delivered and marked like an outbox message. The listener is named by
/// plugin id and type name. Times are Unix milliseconds.
/// </summary>
internal sealed class PluginDeliveryRow
{
    public long Id { get; set; }

    public required string EventId { get; set; }

    public required string PluginId { get; set; }

    /// <summary>The listener's type name (full name).</summary>
    public required string Listener { get; set; }

    /// <summary>The event as JSON: id, name, correlation id, payload and occurrence time, enough to rebuild it.</summary>
    public required string Event { get; set; }

    public long RecordedAt { get; set; }

    /// <summary>Attempts that ended, successful or not.</summary>
    public int Attempts { get; set; }

    /// <summary>Attempts that began (claims not handed back): more than <see cref="Attempts"/> means a holder died mid-attempt.</summary>
    public int Claims { get; set; }

    public string? LastError { get; set; }

    /// <summary>Not claimed before this time: the backoff after a failed attempt (0 for a new delivery).</summary>
    public long NextAttemptAt { get; set; }

    public long? DeliveredAt { get; set; }

    /// <summary>Set when the delivery was given up after the last allowed attempt; clear it to try again.</summary>
    public long? GaveUpAt { get; set; }

    /// <summary>The process delivering it, so that another one on the same database leaves it alone ...</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>... until this time, when a process that died holding it loses it.</summary>
    public long? ClaimedUntil { get; set; }
}
