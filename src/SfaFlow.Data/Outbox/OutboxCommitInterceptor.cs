using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SfaFlow.Data.Outbox;

/// <summary>
/// Signals the dispatcher after a commit that wrote domain events: after SaveChanges when it committed on its own, or
/// after the commit of the caller's transaction around it (before that, the dispatcher could not see the events yet).
/// </summary>
internal sealed class OutboxCommitInterceptor(OutboxSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SignalIfCommitted(eventData);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SignalIfCommitted(eventData);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Signal(eventData);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Signal(eventData);
        return Task.CompletedTask;
    }

    private void SignalIfCommitted(DbContextEventData eventData)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            Signal(eventData);
        }
    }

    private void Signal(DbContextEventData eventData)
    {
        // A failed SaveChanges keeps the flag (its events are still to be written); a spurious signal costs one empty pass.
        if (eventData.Context is SfaFlowDbContext { HasUncommittedDomainEvents: true } db)
        {
            db.HasUncommittedDomainEvents = false;
            signal.Notify();
        }
    }
}
