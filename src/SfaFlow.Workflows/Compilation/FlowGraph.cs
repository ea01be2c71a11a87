namespace SfaFlow.Workflows.Compilation;

/// <summary>
/// Which connections of a flowchart are loops, seen from a start activity. A breadth-first walk from the start accepts
/// connections as forward; a connection whose target can already reach its source through accepted connections would
/// close a cycle and is a backward (loop) connection. Joins count forward inbound connections only.
/// </summary>
internal sealed class FlowGraph
{
    private readonly bool[] _backward;
    private readonly bool[] _invalidLoop;
    private readonly HashSet<int>?[] _ancestors;

    private FlowGraph(FlowchartPlan flowchart, int start, bool[] backward, bool[] reachable)
    {
        Start = start;
        _backward = backward;
        Reachable = reachable;
        ForwardInbound = [.. flowchart.Inbound.Select(inbound => inbound.Where(c => !backward[c.Index]).ToArray())];
        AllInbound = flowchart.Inbound;
        _ancestors = new HashSet<int>?[flowchart.Activities.Length];
        _invalidLoop = [.. flowchart.Connections.Select(c => backward[c.Index] && LoopBypassesTarget(c))];
    }

    public bool[] Reachable { get; }

    public ConnectionPlan[][] ForwardInbound { get; }

    public ConnectionPlan[][] AllInbound { get; }

    public int Start { get; }

    public bool IsBackward(ConnectionPlan connection) => _backward[connection.Index];

    /// <summary>
    /// A loop connection is invalid when some forward path from the start reaches its source without passing its target:
    /// following it would re-enter the loop from the side.
    /// </summary>
    public bool IsInvalidLoop(ConnectionPlan connection) => _invalidLoop[connection.Index];

    /// <summary>Activities from which <paramref name="target"/> can be reached through forward connections.</summary>
    public HashSet<int> ForwardAncestors(int target)
    {
        if (_ancestors[target] is { } known)
        {
            return known;
        }

        var result = new HashSet<int>();
        var stack = new Stack<int>([target]);
        while (stack.Count > 0)
        {
            foreach (var connection in ForwardInbound[stack.Pop()])
            {
                if (result.Add(connection.Source))
                {
                    stack.Push(connection.Source);
                }
            }
        }

        result.Remove(target);
        return _ancestors[target] = result;
    }

    public static FlowGraph Analyze(FlowchartPlan flowchart, int start)
    {
        var count = flowchart.Activities.Length;
        var backward = new bool[flowchart.Connections.Length];
        var reachable = new bool[count];
        var forward = new List<int>[count];
        for (var i = 0; i < count; i++)
        {
            forward[i] = [];
        }

        if (start >= 0)
        {
            var queue = new Queue<int>([start]);
            reachable[start] = true;
            while (queue.Count > 0)
            {
                var node = queue.Dequeue();
                foreach (var connection in flowchart.Outbound[node])
                {
                    if (CanReach(forward, connection.Target, connection.Source))
                    {
                        backward[connection.Index] = true;
                        continue;
                    }

                    forward[node].Add(connection.Target);
                    if (!reachable[connection.Target])
                    {
                        reachable[connection.Target] = true;
                        queue.Enqueue(connection.Target);
                    }
                }
            }
        }

        return new FlowGraph(flowchart, start, backward, reachable);
    }

    private bool LoopBypassesTarget(ConnectionPlan loop)
    {
        // Walk backwards from the loop's source along forward connections, never entering the loop's target; reaching the
        // start means a path around the target exists.
        if (Start < 0 || loop.Source == loop.Target)
        {
            return false;
        }

        var seen = new HashSet<int> { loop.Source };
        var stack = new Stack<int>([loop.Source]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node == Start)
            {
                return true;
            }

            foreach (var connection in ForwardInbound[node])
            {
                if (connection.Source != loop.Target && seen.Add(connection.Source))
                {
                    stack.Push(connection.Source);
                }
            }
        }

        return false;
    }

    private static bool CanReach(List<int>[] forward, int from, int to)
    {
        if (from == to)
        {
            return true;
        }

        var seen = new HashSet<int> { from };
        var stack = new Stack<int>([from]);
        while (stack.Count > 0)
        {
            foreach (var next in forward[stack.Pop()])
            {
                if (next == to)
                {
                    return true;
                }

                if (seen.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        return false;
    }
}
