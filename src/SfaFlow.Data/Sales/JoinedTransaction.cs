using Microsoft.EntityFrameworkCore.Storage;

namespace SfaFlow.Data.Sales;

/// <summary>
/// The transaction a joined unit of work "begins": the outer one holds, so committing here does nothing, and a rollback
/// here leaves the decision to the outer one too (the failure that caused it reaches its owner as an exception).
/// </summary>
internal sealed class JoinedTransaction : IDbContextTransaction
{
    public static JoinedTransaction Instance { get; } = new();

    public Guid TransactionId { get; } = Guid.NewGuid();

    public void Commit()
    {
    }

    public Task CommitAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public void Rollback()
    {
    }

    public Task RollbackAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public void Dispose()
    {
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
