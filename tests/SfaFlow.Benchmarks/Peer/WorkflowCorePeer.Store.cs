using System.Collections;
using System.Reflection;
using WorkflowCore.Models;
using WorkflowCore.Services;

namespace SfaFlow.Benchmarks.Peer;

internal sealed partial class WorkflowCorePeer
{
    /// <summary>
    /// WorkflowCore's in-memory store keeps every instance in one list and finds an instance by a linear scan, several
    /// times per run; left alone, its cost per run grows with the number of runs the benchmark has made. The peer is
    /// measured in a steady state instead: instances that completed over a second ago (long since persisted and indexed)
    /// are dropped from the list every 256 runs, under the lock the store itself takes.
    /// </summary>
    private void PruneFinished()
    {
        var cutoff = DateTime.UtcNow.AddSeconds(-1);
        lock (_store)
        {
            for (var i = _store.Count - 1; i >= 0; i--)
            {
                if (_store[i] is WorkflowInstance { Status: WorkflowStatus.Complete, CompleteTime: { } completed } && completed < cutoff)
                {
                    _store.RemoveAt(i);
                }
            }
        }
    }

    private static IList FindInstanceList(ISingletonMemoryProvider provider) =>
        provider.GetType().GetField("_instances", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(provider) as IList
        ?? throw new InvalidOperationException("WorkflowCore's in-memory store no longer keeps its instances in '_instances'; update the benchmark.");

    /// <summary>How many instances the in-memory store holds (to check that pruning keeps it bounded).</summary>
    public int StoredInstances
    {
        get
        {
            lock (_store)
            {
                return _store.Count;
            }
        }
    }
}
