using System.Collections.Concurrent;
using SfaFlow.Workflows.Execution;

namespace SfaFlow.Workflows.Runtime;

/// <summary>
/// The bursts this process is running now, by instance id: how a cancel reaches an instance whose run has the lock and
/// the lease (a loop, a slow activity) instead of waiting behind it.
/// </summary>
internal sealed class RunningBursts
{
    private readonly ConcurrentDictionary<string, BurstControl> _running = new(StringComparer.Ordinal);

    public BurstControl Begin(string instanceId)
    {
        var control = new BurstControl();
        _running[instanceId] = control;
        return control;
    }

    public void End(string instanceId, BurstControl control)
    {
        _running.TryRemove(KeyValuePair.Create(instanceId, control));
        control.Dispose();
    }

    /// <summary>Asks the burst running the instance here, if any, to stop and end the instance as Cancelled.</summary>
    /// <returns>Whether one was running.</returns>
    public bool RequestCancel(string instanceId)
    {
        if (!_running.TryGetValue(instanceId, out var control))
        {
            return false;
        }

        control.RequestCancel();
        return true;
    }
}
