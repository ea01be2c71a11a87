namespace SfaFlow.Workflows.Runtime;

/// <summary>
/// Counts the instances each definition starts from each original cause (<see cref="Causation.CausationChain.RootEventId"/>)
/// within a window: a person's edit that sets off a hundred instances of one workflow is a workflow feeding itself. Kept in
/// memory per process: what it guards against happens within seconds, on the node that dispatches the cascade.
/// </summary>
internal sealed class StartLimiter(int maxStarts, TimeSpan window)
{
    private readonly Dictionary<(string Definition, string Root), (int Count, DateTimeOffset Since)> _counts = [];
    private DateTimeOffset _prunedAt;

    /// <summary>Counts one start; false (and nothing counted) when the definition used up its starts for this cause.</summary>
    public bool TryStart(string definitionId, string rootEventId, DateTimeOffset now)
    {
        lock (_counts)
        {
            if (now - _prunedAt > window)
            {
                foreach (var stale in _counts.Where(entry => now - entry.Value.Since > window).Select(entry => entry.Key).ToList())
                {
                    _counts.Remove(stale);
                }

                _prunedAt = now;
            }

            var key = (definitionId, rootEventId);
            var (count, since) = _counts.TryGetValue(key, out var known) && now - known.Since <= window ? known : (0, now);
            if (count >= maxStarts)
            {
                return false;
            }

            _counts[key] = (count + 1, since);
            return true;
        }
    }
}
