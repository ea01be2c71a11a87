using System.Collections.Concurrent;
using SfaFlow.Plugins.Events;

namespace SfaFlow.TestPlugins.Good;

/// <summary>Records each OpportunityWon in the host's test sink; fails the first attempt when the payload asks it to.</summary>
public sealed class WonListener(ConcurrentQueue<string> sink) : IDomainEventListener
{
    public IReadOnlyCollection<string> EventNames { get; } = ["OpportunityWon"];

    public ValueTask HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (domainEvent.Payload.GetValueOrDefault("failOnce") is true && !sink.Contains($"failed:{domainEvent.Id}"))
        {
            sink.Enqueue($"failed:{domainEvent.Id}");
            throw new InvalidOperationException("Transient failure.");
        }

        sink.Enqueue($"{domainEvent.Name}:{domainEvent.Id}:{domainEvent.Payload.GetValueOrDefault("amount")}");
        return ValueTask.CompletedTask;
    }
}
