using Microsoft.Extensions.Logging;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime.Triggers;

namespace SfaFlow.Workflows.Runtime;

public sealed partial class WorkflowRuntime
{
    public const string EventBookmark = "Elsa.Event";

    /// <summary>
    /// Publishes a named event, as Elsa does: every published workflow with a matching event trigger starts (with the
    /// correlation id, if given), and every instance waiting on the event resumes (only those correlated to the id, if
    /// given). The payload reaches each as the event's <c>result</c>. With <paramref name="eventId"/>, publishing the same
    /// event again (or in two runtimes at once) has the effect of publishing it once.
    /// </summary>
    public Task<DispatchResult> DispatchEventAsync(
        string eventName, string? correlationId, object? payload, string? eventId = null, CancellationToken cancellationToken = default) =>
        DispatchAsync(EventBookmark, eventName, correlationId, payload, eventId, cancellationToken);

    /// <summary>
    /// Starts the workflows triggered by a stimulus and resumes the instances waiting on it (any bookmark type).
    /// <para>
    /// With <paramref name="eventId"/> each instance receives the event once, however often it is dispatched: a start gets
    /// an instance id derived from the event and the trigger, which the database refuses a second time, and a resume
    /// records a receipt (event, instance) in the commit that saves the resumed state and is skipped when one exists. An
    /// instance waiting on the event at several activities resumes them all in one run, so that one receipt covers them.
    /// </para>
    /// </summary>
    public async Task<DispatchResult> DispatchAsync(
        string name, string? key, string? correlationId, object? payload, string? eventId = null, CancellationToken cancellationToken = default)
    {
        payload = payload is System.Text.Json.JsonElement json ? Expressions.ValueConverter.FromJsonElement(json) : payload;
        var started = new List<WorkflowInstance>();

        // The instances this event starts (now or, for a repeat, before): they were not waiting when the event came.
        var startedByEvent = new HashSet<string>(StringComparer.Ordinal);
        foreach (var trigger in await definitions.FindTriggersAsync(name, key, cancellationToken))
        {
            if (!await AcceptsAsync(trigger, payload, cancellationToken))
            {
                continue;
            }

            var instance = await StartFromTriggerAsync(trigger, payload, correlationId, occurrence: null, eventId, cancellationToken);
            if (instance is not null)
            {
                startedByEvent.Add(instance.Id);
                started.Add(instance);
            }
            else if (eventId is not null)
            {
                // A repeat (this event started it before), or refused by the activation strategy (then no such instance exists).
                startedByEvent.Add(EventInstanceId(eventId, trigger));
            }
        }

        var waiting = (await instances.FindBookmarksAsync(name, key, correlationId, cancellationToken))
            .Where(bookmark => !startedByEvent.Contains(bookmark.InstanceId))
            .ToList();
        var resumed = new List<WorkflowInstance>();
        var busy = new List<string>();

        // Without an id each bookmark is resumed on its own, as before; with one, each instance once, with all its bookmarks.
        var targets = eventId is null
            ? waiting.Select(bookmark => (bookmark.InstanceId, BookmarkIds: (IReadOnlyList<string>)[bookmark.Id]))
            : waiting.GroupBy(bookmark => bookmark.InstanceId, StringComparer.Ordinal)
                .Select(group => (InstanceId: group.Key, BookmarkIds: (IReadOnlyList<string>)[.. group.Select(bookmark => bookmark.Id)]));
        foreach (var (instanceId, bookmarkIds) in targets)
        {
            var result = await ResumeAsync(instanceId, bookmarkIds, payload, eventId, cancellationToken);
            if (result.Instance is { } instance)
            {
                resumed.Add(instance);
            }
            else if (result.Status == ResumeStatus.Busy)
            {
                busy.Add(instanceId);
            }
        }

        return new DispatchResult(started, resumed) { Busy = busy };
    }

    /// <summary>
    /// Whether a trigger takes the stimulus (the filter of an <see cref="IEventTrigger"/>: a stage, a field, a script). A
    /// filter that fails is logged and taken as "no": one broken trigger must not hold up the event's other workflows.
    /// </summary>
    private async Task<bool> AcceptsAsync(WorkflowTrigger trigger, object? payload, CancellationToken cancellationToken)
    {
        try
        {
            return engine.TriggerAccepts(await _cache.GetAsync(trigger.DefinitionVersionId, cancellationToken), trigger.ActivityId, payload);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "The filter of trigger {ScheduleKey} failed; the event does not start it.", trigger.ScheduleKey);
            return false;
        }
    }

    /// <summary>The instance an event starts at a trigger: the same for every delivery of the event.</summary>
    private static string EventInstanceId(string eventId, WorkflowTrigger trigger) => DerivedInstanceId($"event:{eventId}@{trigger.ScheduleKey}");
}
