using SfaFlow.Workflows.Causation;

namespace SfaFlow.Workflows.Runtime;

/// <summary>How an event reaches the runtime, beyond its name, correlation and payload.</summary>
public sealed record EventDelivery
{
    /// <summary>
    /// The event's id: with one, delivering the event again (or in two runtimes at once) has the effect of delivering it
    /// once. Null for a one-off stimulus.
    /// </summary>
    public string? EventId { get; init; }

    /// <summary>What caused the event, when a workflow run raised it; null when a person or an outside system did.</summary>
    public CausationChain? Causation { get; init; }

    /// <summary>
    /// An earlier delivery of this event died with its host: new instances are committed after their first activity
    /// (not only when they wait or end), so that if this one dies too, the instance is there to be counted and parked.
    /// </summary>
    public bool Careful { get; init; }

    public static EventDelivery Once(string? eventId) => eventId is null ? None : new EventDelivery { EventId = eventId };

    public static EventDelivery None { get; } = new();
}
