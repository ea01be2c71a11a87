using SfaFlow.Plugins.Events;

namespace SfaFlow.Workflows.Runtime;

/// <summary>
/// Told about each committed domain event once the runtime has taken it (the outbox dispatcher calls every registered
/// observer before it marks the message dispatched; a failure here makes the message be dispatched again, which the
/// runtime absorbs). Observers must return quickly: record or queue the work (before returning, to survive a crash), never do it inline.
/// </summary>
public interface ICommittedEventObserver
{
    ValueTask OnCommittedAsync(DomainEvent domainEvent, CancellationToken cancellationToken);
}
