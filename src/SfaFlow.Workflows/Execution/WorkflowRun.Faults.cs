using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Workflows.Execution;

internal sealed partial class WorkflowRun
{
    /// <summary>
    /// Records an activity's failure as an incident. By default (Elsa's fault strategy) the instance becomes Faulted and the
    /// rest of the burst is kept for a retry; with <c>ContinueWithIncidents</c> the other branches carry on.
    /// </summary>
    public void Fault(ActivityExecutionContext context, Exception exception)
    {
        context.State.Status = ActivityStatus.Faulted;
        if (context.Journal is { } journal)
        {
            journal.Status = ActivityStatus.Faulted;
            journal.CompletedAt = Now;
            journal.Error = exception.Message;
        }

        for (var scope = context; scope is not null; scope = scope.Parent)
        {
            scope.State.FaultCount++;
        }

        RemoveBookmarksOf(context);
        AddIncident(context.Node.Id, context.Node.NodeId, context.Node.Type, context.State.Id, exception.Message,
            exception.GetType().FullName, (exception as ScriptEvaluationException)?.Location);

        if (!ContinuesOnIncidents)
        {
            Instance.Status = WorkflowStatus.Finished;
            Instance.SubStatus = WorkflowSubStatus.Faulted;
        }
    }

    /// <summary>
    /// Stops a burst that ran out of its budget (<see cref="BurstBudget"/>): the instance is Faulted with an incident that
    /// names the activities it kept executing, and the work it had queued is kept, so that a retry after a fix goes on
    /// where it stopped.
    /// </summary>
    private void StopRunaway(WorkItem next, BurstBudget budget, string exceeded)
    {
        var hottest = budget.Hottest(Instance, 3);
        var loop = string.Join(", ", hottest.Select(h => $"'{h.Activity.ActivityId}' ({h.Activity.ActivityType}) {h.Count:N0} times"));
        var message = $"Stopped as a probable loop: the instance {exceeded}. Most executed: {loop}. " +
                      "Check the connections that lead back to these activities; retry runs the stopped work again.";
        var culprit = hottest.Count > 0 ? Plan.NodesById.Values.FirstOrDefault(n => n.Id == hottest[0].Activity.ActivityId) : null;
        var node = culprit ?? Plan.Root;
        AddIncident(node.Id, node.NodeId, node.Type, null, message, null, null, IncidentKinds.BurstBudget);
        var stops = Instance.Incidents.Count(i => i.Kind == IncidentKinds.BurstBudget);
        if (stops >= _engine.Options.MaxBudgetFaults)
        {
            AddIncident(node.Id, node.NodeId, node.Type, null,
                $"Parked: the instance ran out of its burst budget {stops} times (the limit is {_engine.Options.MaxBudgetFaults}, " +
                $"{WorkflowEngineOptions.SectionName}:{nameof(WorkflowEngineOptions.MaxBudgetFaults)}); it is not run again.",
                null, null, IncidentKinds.Parked);
        }

        Instance.Status = WorkflowStatus.Finished;
        Instance.SubStatus = WorkflowSubStatus.Faulted;
        KeepForRetry(next);
    }

    private bool ContinuesOnIncidents =>
        Plan.Definition.Options.GetString("incidentStrategyType")?.Contains("ContinueWithIncidents", StringComparison.Ordinal) ?? false;

    private void AddIncident(string activityId, string nodeId, string type, string? contextId, string message, string? exceptionType, ScriptLocation? location, string? kind = null) =>
        Instance.Incidents.Add(new Incident
        {
            Id = Guid.NewGuid().ToString("N"),
            ActivityId = activityId,
            ActivityNodeId = nodeId,
            ActivityType = type,
            ActivityInstanceId = contextId,
            Message = message,
            ExceptionType = exceptionType,
            Script = location,
            Kind = kind,
            Timestamp = Now,
        });
}
