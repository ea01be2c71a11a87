using System.Text.Json;
using SfaFlow.Plugins.Events;
using SfaFlow.Workflows.Runtime;

namespace SfaFlow.Sales.Workflows.Tasks;

/// <summary>A completed task resumes the workflow waiting on it: TaskCompleted for <c>activity:42</c> → <c>Sfa.Task</c>, <c>task:42</c>.</summary>
internal sealed class TaskCompletedRoute : IEventRoute
{
    public string Name => "task";

    public IEnumerable<EventStimulus> Route(string eventName, string? correlationId, JsonElement payload)
    {
        if (eventName == SalesEventNames.TaskCompleted && RecordReference.TryParse(correlationId, out var record) && record.Type == RecordReference.Activity)
        {
            yield return new EventStimulus(TaskBookmarks.Name, TaskBookmarks.Key(record.Id));
        }
    }
}
