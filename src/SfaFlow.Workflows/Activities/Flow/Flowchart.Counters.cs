using SfaFlow.Workflows.Compilation;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Activities.Flow;

/// <summary>
/// Counter mode (Elsa 3.6's default). Every activity counts its completed visits and every connection its visits and
/// whether the last one was followed. An activity with several forward inbound connections is an implicit join
/// (WaitAllActive) unless it is a FlowJoin with its own mode. Branches not taken are skipped, and the skip travels
/// downstream (dead-path elimination), so a join never waits on a branch that will not come.
/// </summary>
internal sealed partial class Flowchart
{
    private static bool CountersOnCompleted(
        ActivityExecutionContext flowchart, FlowGraph graph, FlowchartState state, ActivityExecutionContext child, IReadOnlyList<string> outcomes)
    {
        // A run through a loop-back connection is the same visit repeated, not a new one.
        if (!child.State.LoopRun)
        {
            state.ActivityVisits[child.Node.Ordinal]++;
        }

        return ProcessOutbound(flowchart, graph, state, child.Node.Ordinal, outcomes);
    }

    /// <summary>Marks each outbound connection visited (followed if its port is among the outcomes), in document order.</summary>
    private static bool ProcessOutbound(ActivityExecutionContext flowchart, FlowGraph graph, FlowchartState state, int source, IReadOnlyList<string> outcomes)
    {
        var plan = flowchart.Node.Flowchart!;
        var scheduled = false;
        foreach (var connection in plan.Outbound[source])
        {
            var followed = connection.IsFollowed(outcomes);
            state.ConnectionVisits[connection.Index]++;
            state.ConnectionFollowed[connection.Index] = followed;
            if (graph.IsBackward(connection))
            {
                if (followed)
                {
                    if (graph.IsInvalidLoop(connection))
                    {
                        throw new InvalidOperationException(
                            $"The loop {connection} re-enters '{plan.Activities[connection.Target].Id}' from the side: a path from the start reaches '{plan.Activities[connection.Source].Id}' without passing through it.");
                    }

                    flowchart.Run.Enqueue(WorkItem.Execute(plan.Activities[connection.Target], flowchart, loopRun: true));
                    scheduled = true;
                }

                continue;
            }

            scheduled |= EvaluateJoin(flowchart, graph, state, connection);
        }

        return scheduled;
    }

    private static bool EvaluateJoin(ActivityExecutionContext flowchart, FlowGraph graph, FlowchartState state, ConnectionPlan arriving)
    {
        var target = flowchart.Node.Flowchart!.Activities[arriving.Target];
        var visits = state.ActivityVisits[target.Ordinal];
        var inbound = graph.ForwardInbound[target.Ordinal];

        var allVisited = true;
        var max = 0;
        foreach (var connection in inbound)
        {
            allVisited &= state.ConnectionVisits[connection.Index] > visits;
            max = Math.Max(max, state.ConnectionVisits[connection.Index]);
        }

        var anyFollowed = false;
        var allFollowed = max > visits;
        foreach (var connection in inbound)
        {
            var atMaxAndFollowed = state.ConnectionVisits[connection.Index] == max && state.ConnectionFollowed[connection.Index];
            anyFollowed |= atMaxAndFollowed;
            allFollowed &= atMaxAndFollowed;
        }

        anyFollowed &= max > visits;

        switch (target.JoinMode)
        {
            case JoinMode.WaitAll:
                return allVisited && (allFollowed ? Schedule(flowchart, target) : Skip(flowchart, graph, state, target.Ordinal));
            case JoinMode.WaitAny:
                if (state.ConnectionVisits[arriving.Index] <= visits || flowchart.Run.IsQueued(target, flowchart))
                {
                    return false;
                }

                if (anyFollowed)
                {
                    Schedule(flowchart, target);
                    CancelForwardAncestors(flowchart, target.Ordinal);
                    return true;
                }

                return allVisited && Skip(flowchart, graph, state, target.Ordinal);
            default:
                return allVisited && (anyFollowed ? Schedule(flowchart, target) : Skip(flowchart, graph, state, target.Ordinal));
        }
    }

    /// <summary>The activity will not run this round: count the visit and mark its outbound connections not followed.</summary>
    private static bool Skip(ActivityExecutionContext flowchart, FlowGraph graph, FlowchartState state, int activity)
    {
        state.ActivityVisits[activity]++;
        return ProcessOutbound(flowchart, graph, state, activity, Outcomes.None);
    }
}
