using SfaFlow.Workflows.Compilation;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Activities.Flow;

/// <summary>
/// Token mode (Elsa 3.6's opt-in engine). A completing activity consumes the tokens addressed to it and puts a token on
/// each connection it takes; untaken ports put nothing (no dead-path elimination). The target's merge mode decides when it
/// runs: Stream/None as soon as no direct predecessor is still pending, Merge when every forward inbound connection holds
/// a token, Converge over all inbound connections, Race/Cascade on the first arrival with the others blocked.
/// </summary>
internal sealed partial class Flowchart
{
    private static bool TokensOnCompleted(ActivityExecutionContext flowchart, FlowGraph graph, FlowchartState state, int child, IReadOnlyList<string> outcomes)
    {
        var plan = flowchart.Node.Flowchart!;
        state.Tokens.RemoveAll(token => !token.Blocked && plan.Connections[token.Connection].Target == child);

        var taken = plan.Outbound[child].Where(c => c.IsFollowed(outcomes)).ToList();
        foreach (var connection in taken)
        {
            state.Tokens.Add(new FlowToken(connection.Index));
        }

        var scheduled = false;
        foreach (var connection in taken)
        {
            scheduled |= Arrive(flowchart, graph, state, connection);
        }

        return scheduled;
    }

    private static bool Arrive(ActivityExecutionContext flowchart, FlowGraph graph, FlowchartState state, ConnectionPlan arriving)
    {
        var plan = flowchart.Node.Flowchart!;
        var tokens = state.Tokens;

        // A connection that lost a race absorbs its next arrival.
        var block = tokens.FindIndex(t => t.Blocked && t.Connection == arriving.Index);
        if (block >= 0)
        {
            tokens.RemoveAt(block);
            tokens.Remove(new FlowToken(arriving.Index));
            return false;
        }

        var target = plan.Activities[arriving.Target];
        bool HasToken(ConnectionPlan c) => tokens.Contains(new FlowToken(c.Index));
        bool IsPending(int activity) => tokens.Any(t => !t.Blocked && plan.Connections[t.Connection].Target == activity);

        switch (EffectiveMergeMode(target))
        {
            case MergeMode.Merge:
                return graph.ForwardInbound[target.Ordinal] is var forward && (forward.Length <= 1 || forward.All(HasToken))
                    && Schedule(flowchart, target);
            case MergeMode.Converge:
                return graph.AllInbound[target.Ordinal] is var all && (all.Length <= 1 || all.All(HasToken))
                    && Schedule(flowchart, target);
            case MergeMode.Race:
                CancelForwardAncestors(flowchart, target.Ordinal);
                BlockOthers(state, graph.AllInbound[target.Ordinal], arriving);
                return Schedule(flowchart, target);
            case MergeMode.Cascade:
                BlockOthers(state, graph.AllInbound[target.Ordinal], arriving);
                return Schedule(flowchart, target);
            default:
                // Stream: run unless a direct predecessor is itself still about to run (it would arrive next).
                return !graph.ForwardInbound[target.Ordinal].Any(c => IsPending(c.Source)) && Schedule(flowchart, target);
        }
    }

    /// <summary>A FlowJoin's mode maps to Race (WaitAny) or Merge (anything else); other activities use their merge mode.</summary>
    private static MergeMode EffectiveMergeMode(PlanNode target) => target.Type == FlowJoin.TypeKey
        ? target.JoinMode == JoinMode.WaitAny ? MergeMode.Race : MergeMode.Merge
        : target.MergeMode;

    private static void BlockOthers(FlowchartState state, ConnectionPlan[] inbound, ConnectionPlan winner)
    {
        foreach (var connection in inbound.Where(c => c.Index != winner.Index))
        {
            state.Tokens.Add(new FlowToken(connection.Index, Blocked: true));
        }
    }

    /// <summary>Token mode can wait forever on a merge whose other branch was not taken; name each such wait.</summary>
    public IEnumerable<StallReason> DescribeStall(ActivityExecutionContext composite)
    {
        var plan = composite.Node.Flowchart!;
        var state = composite.State.Flowchart;
        if (state is null || composite.Run.Instance.FlowchartMode != FlowchartMode.TokenBased)
        {
            yield break;
        }

        var (graph, _) = Analysis(composite);
        var waiting = state.Tokens.Where(t => !t.Blocked).Select(t => plan.Connections[t.Connection].Target).Distinct();
        foreach (var target in waiting)
        {
            var node = plan.Activities[target];
            var mode = EffectiveMergeMode(node);
            var inbound = mode == MergeMode.Converge ? graph.AllInbound[target] : graph.ForwardInbound[target];
            var missing = inbound.Where(c => !state.Tokens.Contains(new FlowToken(c.Index))).ToList();
            var what = missing.Count == 0
                ? "an arrival that can no longer come"
                : string.Join(" and ", missing.Select(c => $"the branch from '{Describe(plan.Activities[c.Source])}' (port {c.Connection.Source.Port ?? DoneOutcome})"));
            yield return new StallReason(node.Id,
                $"'{Describe(node)}' (merge mode {mode}) waits for {what}, which was not taken and can never arrive; the instance can make no further progress.");
        }
    }

    private static string Describe(PlanNode node) => node.Node.Name ?? node.Id;
}
