using System.Threading.Channels;

namespace SfaFlow.Data.Outbox;

/// <summary>
/// Wakes this process's dispatcher when a commit wrote domain events, so they are dispatched at once instead of at the
/// next poll. Signals coalesce: however many commits happen during a pass, one more pass follows. Commits in other
/// processes are not seen here; the poll finds those.
/// </summary>
internal sealed class OutboxSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Takes a pending signal, if any: the pass about to run covers the commits it announced.</summary>
    public void Reset() => _channel.Reader.TryRead(out _);

    /// <summary>Completes when a signal is pending (it stays pending until <see cref="Reset"/>).</summary>
    public async Task WaitAsync(CancellationToken cancellationToken) => await _channel.Reader.WaitToReadAsync(cancellationToken);
}
