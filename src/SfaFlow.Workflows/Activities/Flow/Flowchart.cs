using SfaFlow.Plugins.Activities;
using SfaFlow.Workflows.Activities.Catalog;
using SfaFlow.Workflows.Compilation;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Expressions;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Activities.Flow;

/// <summary>
/// Runs its activities along their connections. Which activity starts, and when an activity with several inbound
/// connections runs, follow Elsa 3.6 in either of its two modes (docs/flowchart-semantics.md): counter-based, where every
/// activity is an implicit join with dead-path elimination, or token-based, where each activity's merge mode decides.
/// </summary>
[Activity("Elsa.Flowchart", Category = "Flow", DisplayName = "Flowchart", IsBrowsable = false,
    Description = "Runs activities along the connections between their outcome ports.")]
internal sealed partial class Flowchart : WorkflowActivity, ICompositeActivity
{
    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var flowchart = (ActivityExecutionContext)context;
        var plan = flowchart.Node.Flowchart!;
        DeclareVariables(flowchart, plan);

        var (start, trigger) = ResolveStart(flowchart, plan);
        flowchart.State.Flowchart = new FlowchartState
        {
            StartActivityId = start >= 0 ? plan.Activities[start].Id : null,
            ActivityVisits = new int[plan.Activities.Length],
            ConnectionVisits = new int[plan.Connections.Length],
            ConnectionFollowed = new bool[plan.Connections.Length],
        };

        if (start < 0)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }

        flowchart.Run.Enqueue(trigger is { } payload
            ? WorkItem.Trigger(plan.Activities[start], flowchart, payload.Value)
            : WorkItem.Execute(plan.Activities[start], flowchart));
        return ValueTask.CompletedTask;
    }

    public void OnChildCompleted(ActivityExecutionContext flowchart, ActivityExecutionContext child, IReadOnlyList<string> outcomes)
    {
        if (flowchart.Status != ActivityStatus.Running)
        {
            return;
        }

        if (child.Node.IsTerminal)
        {
            CompleteFlowchart(flowchart);
            return;
        }

        var (graph, state) = Analysis(flowchart);
        if (!graph.Reachable[child.Node.Ordinal])
        {
            flowchart.Run.Fault(flowchart, new InvalidOperationException(
                $"{child.Node} completed but cannot be reached from the flowchart's start activity (a dangling activity)."));
            return;
        }

        var scheduled = flowchart.Run.Instance.FlowchartMode == FlowchartMode.TokenBased
            ? TokensOnCompleted(flowchart, graph, state, child.Node.Ordinal, outcomes)
            : CountersOnCompleted(flowchart, graph, state, child, outcomes);
        if (!scheduled)
        {
            TryComplete(flowchart);
        }
    }

    public void OnChildCanceled(ActivityExecutionContext flowchart, ActivityExecutionContext child)
    {
        if (flowchart.Status != ActivityStatus.Running)
        {
            return;
        }

        var (graph, state) = Analysis(flowchart);
        if (flowchart.Run.Instance.FlowchartMode == FlowchartMode.TokenBased)
        {
            // Tokens addressed to a cancelled activity can never be consumed; drop them so the flowchart can complete.
            var connections = flowchart.Node.Flowchart!.Connections;
            state.Tokens.RemoveAll(token => connections[token.Connection].Target == child.Node.Ordinal);
        }
        else
        {
            Skip(flowchart, graph, state, child.Node.Ordinal);
        }

        TryComplete(flowchart);
    }

    /// <summary>Completes the flowchart at once (a terminal activity was reached): running branches are cancelled.</summary>
    private static void CompleteFlowchart(ActivityExecutionContext flowchart)
    {
        foreach (var child in flowchart.Run.ChildrenOf(flowchart).ToList())
        {
            flowchart.Run.Cancel(child, notifyParent: false);
        }

        flowchart.State.Flowchart?.Tokens.Clear();
        flowchart.Run.CompleteActivity(flowchart, Outcomes.Done);
    }

    /// <summary>Completes the flowchart when nothing in it is pending; a faulted child keeps it open.</summary>
    private static void TryComplete(ActivityExecutionContext flowchart)
    {
        if (flowchart.Status != ActivityStatus.Running ||
            flowchart.Run.HasChildren(flowchart) ||
            flowchart.Run.HasQueuedWork(flowchart) ||
            HasUnblockedToken(flowchart.State.Flowchart!))
        {
            return;
        }

        flowchart.Run.CompleteActivity(flowchart, Outcomes.Done);
    }

    private static bool HasUnblockedToken(FlowchartState state)
    {
        foreach (var token in state.Tokens)
        {
            if (!token.Blocked)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Cancels the still-running activities from which <paramref name="target"/> can be reached (a race was won).</summary>
    internal static void CancelForwardAncestors(ActivityExecutionContext flowchart, int target)
    {
        var (graph, _) = Analysis(flowchart);
        var ancestors = graph.ForwardAncestors(target);
        foreach (var child in flowchart.Run.ChildrenOf(flowchart).Where(c => ancestors.Contains(c.Node.Ordinal)).ToList())
        {
            flowchart.Run.Cancel(child, notifyParent: true);
        }
    }

    private static bool Schedule(ActivityExecutionContext flowchart, PlanNode target)
    {
        flowchart.Run.Enqueue(WorkItem.Execute(target, flowchart));
        return true;
    }

    private static (FlowGraph Graph, FlowchartState State) Analysis(ActivityExecutionContext flowchart)
    {
        var plan = flowchart.Node.Flowchart!;
        var state = flowchart.State.Flowchart!;
        return (plan.GraphFrom(state.StartActivityId is { } id ? plan.IndexOf(id) : plan.DefaultStart), state);
    }

    /// <summary>The trigger activity when this is the root flowchart of a triggered run, else Elsa's start rules.</summary>
    private static (int Start, TriggerPayload? Trigger) ResolveStart(ActivityExecutionContext flowchart, FlowchartPlan plan)
    {
        if (flowchart.Parent is null && flowchart.Run.TakeTrigger() is { } trigger)
        {
            var index = plan.IndexOf(trigger.ActivityId);
            if (index >= 0)
            {
                return (index, new TriggerPayload(trigger.Payload));
            }
        }

        return (plan.DefaultStart, null);
    }

    private static void DeclareVariables(ActivityExecutionContext flowchart, FlowchartPlan plan)
    {
        if (plan.Variables.Count == 0)
        {
            return;
        }

        flowchart.State.Variables = plan.Variables.ToDictionary(
            v => v.Id,
            v => v.Value is { } value ? ValueConverter.Convert(value, TypeAliases.Resolve(v.TypeName)) : null,
            StringComparer.Ordinal);
    }

    private readonly record struct TriggerPayload(object? Value);
}
