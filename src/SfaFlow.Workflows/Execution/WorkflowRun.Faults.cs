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

    private bool ContinuesOnIncidents =>
        Plan.Definition.Options.GetString("incidentStrategyType")?.Contains("ContinueWithIncidents", StringComparison.Ordinal) ?? false;

    private void AddIncident(string activityId, string nodeId, string type, string? contextId, string message, string? exceptionType, ScriptLocation? location) =>
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
            Timestamp = Now,
        });
}
