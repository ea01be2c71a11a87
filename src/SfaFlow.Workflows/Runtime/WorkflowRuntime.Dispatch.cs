using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Runtime;

public sealed partial class WorkflowRuntime
{
    public const string EventBookmark = "Elsa.Event";

    /// <summary>
    /// Publishes a named event, as Elsa does: every published workflow with a matching event trigger starts (with the
    /// correlation id, if given), and every instance waiting on the event resumes (only those correlated to the id, if
    /// given). The payload reaches each as the event's <c>result</c>.
    /// </summary>
    public Task<DispatchResult> DispatchEventAsync(string eventName, string? correlationId, object? payload, CancellationToken cancellationToken = default) =>
        DispatchAsync(EventBookmark, eventName, correlationId, payload, cancellationToken);

    /// <summary>Starts the workflows triggered by a stimulus and resumes the instances waiting on it (any bookmark type).</summary>
    public async Task<DispatchResult> DispatchAsync(string name, string? key, string? correlationId, object? payload, CancellationToken cancellationToken = default)
    {
        payload = payload is System.Text.Json.JsonElement json ? Expressions.ValueConverter.FromJsonElement(json) : payload;
        var started = new List<WorkflowInstance>();
        foreach (var trigger in await definitions.FindTriggersAsync(name, key, cancellationToken))
        {
            started.Add(await StartFromTriggerAsync(trigger, payload, correlationId, occurrence: null, cancellationToken));
        }

        var resumed = new List<WorkflowInstance>();
        foreach (var bookmark in await instances.FindBookmarksAsync(name, key, correlationId, cancellationToken))
        {
            // An instance started just above can wait on the same event; it was not waiting when the event came.
            if (started.Any(instance => instance.Id == bookmark.InstanceId))
            {
                continue;
            }

            var result = await ResumeAsync(bookmark.Id, payload, cancellationToken);
            if (result.Instance is { } instance)
            {
                resumed.Add(instance);
            }
        }

        return new DispatchResult(started, resumed);
    }
}
