namespace SfaFlow.Workflows.Runtime;

/// <summary>
/// One lock per instance id within this process, so that an instance runs on one thread at a time here; the lease in the
/// database keeps other processes out. Entries are removed when nobody holds or waits for them.
/// </summary>
internal sealed class InstanceLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(instanceId, out entry!))
            {
                entry = new Entry();
                _entries[instanceId] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(instanceId, entry);
            throw;
        }

        return new Releaser(this, instanceId, entry);
    }

    /// <summary>Takes the lock if nobody holds or waits for it; null otherwise.</summary>
    public IDisposable? TryAcquire(string instanceId)
    {
        lock (_entries)
        {
            if (_entries.ContainsKey(instanceId))
            {
                return null;
            }

            var entry = new Entry { Users = 1 };
            entry.Semaphore.Wait(0);
            _entries[instanceId] = entry;
            return new Releaser(this, instanceId, entry);
        }
    }

    private void Leave(string instanceId, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(instanceId);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Releaser(InstanceLocks owner, string instanceId, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                entry.Semaphore.Release();
                owner.Leave(instanceId, entry);
            }
        }
    }
}
