namespace SfaFlow.Plugins.Events;

/// <summary>Listens to domain events after their change is committed. Registered with <see cref="IPluginBuilder.AddEventListener{TListener}"/>.</summary>
public interface IDomainEventListener
{
    /// <summary>The event names handled, for example <c>OpportunityWon</c>; empty for every event.</summary>
    IReadOnlyCollection<string> EventNames { get; }

    /// <summary>Handles one event. Delivery is at least once: use <see cref="DomainEvent.Id"/> to drop a repeat.</summary>
    /// <param name="domainEvent">The event, with the record it is about and its payload.</param>
    /// <param name="cancellationToken">Signalled when the host stops or the listener runs past its deadline.</param>
    /// <returns>A task that completes when the event is handled; a fault makes the host retry it later.</returns>
    ValueTask HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken);
}
