using System.Text.Json;
using SfaFlow.Plugins.Events;
using SfaFlow.Workflows.Causation;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Data.Outbox;

/// <summary>
/// A domain event waiting to be handed to the workflow runtime (or handed over already, until it is pruned). Written by
/// the same SaveChanges as the record change that raised it; claimed, dispatched and marked by an
/// <see cref="OutboxDispatcher"/>. Times are Unix milliseconds.
/// </summary>
internal sealed class OutboxMessage
{
    /// <summary>Insertion order: breaks ties between events that occurred in the same millisecond.</summary>
    public long Id { get; set; }

    public required string EventId { get; set; }

    public required string Name { get; set; }

    public string? CorrelationId { get; set; }

    /// <summary>The payload as JSON.</summary>
    public required string Payload { get; set; }

    public long OccurredAt { get; set; }

    public long? DispatchedAt { get; set; }

    /// <summary>Dispatches that ended, successful or not.</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// Dispatches that began (claims not handed back). More than <see cref="Attempts"/> means a dispatcher died while
    /// dispatching the message: the next dispatch is careful, and after too many the message is given up.
    /// </summary>
    public int Claims { get; set; }

    /// <summary>
    /// What caused the event, as JSON (<see cref="CausationChain"/>), when a workflow run raised it; null when a person or
    /// an outside system did.
    /// </summary>
    public string? Causation { get; set; }

    public string? LastError { get; set; }

    /// <summary>Not claimed before this time: the backoff after a failed attempt (0 for a new message).</summary>
    public long NextAttemptAt { get; set; }

    /// <summary>Set when the dispatcher gave up after the last allowed attempt; clear it to try again.</summary>
    public long? GaveUpAt { get; set; }

    /// <summary>The dispatcher working on the message, so that another one on the same database leaves it alone ...</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>... until this time, when a dispatcher that died holding it loses it.</summary>
    public long? ClaimedUntil { get; set; }

    public static OutboxMessage From(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return new OutboxMessage
        {
            EventId = domainEvent.Id,
            Name = domainEvent.Name,
            CorrelationId = domainEvent.CorrelationId,
            // Serialized now, so that a payload that cannot be stored fails the SaveChanges' caller, not the dispatcher later.
            Payload = JsonSerializer.Serialize(domainEvent.Payload, WorkflowInstanceSerializer.Options),
            OccurredAt = Epoch.Ms(domainEvent.OccurredAt),

            // The run in progress on this flow, if a workflow's activity made the change (see CausationScope).
            Causation = CausationScope.Current is { } chain ? JsonSerializer.Serialize(chain, WorkflowInstanceSerializer.Options) : null,
        };
    }
}
