using SfaFlow.Plugins.Events;

namespace SfaFlow.Data.Outbox;

/// <summary>Writes domain events to the outbox as part of a unit of work.</summary>
public static class OutboxDbContextExtensions
{
    /// <summary>
    /// Adds the event to the outbox: the next SaveChanges writes it together with the record changes tracked with it, in one
    /// transaction, so the event exists exactly when the change does. After the commit the outbox dispatcher hands it to
    /// the workflow runtime (at least once; the runtime acts on it once).
    /// </summary>
    /// <exception cref="System.NotSupportedException">The payload cannot be serialized to JSON.</exception>
    public static void AddDomainEvent(this SfaFlowDbContext db, DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Set<OutboxMessage>().Add(OutboxMessage.From(domainEvent));

        // Tells the commit interceptor to wake this process's dispatcher once the event is committed.
        db.HasUncommittedDomainEvents = true;
    }
}
