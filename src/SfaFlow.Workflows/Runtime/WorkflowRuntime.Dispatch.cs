using Microsoft.Extensions.Logging;
using SfaFlow.Workflows.Causation;
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
        DispatchAsync(EventBookmark, eventName, correlationId, payload, EventDelivery.Once(eventId), cancellationToken);

    /// <inheritdoc cref="DispatchEventAsync(string, string?, object?, string?, CancellationToken)"/>
    public Task<DispatchResult> DispatchEventAsync(
        string eventName, string? correlationId, object? payload, EventDelivery delivery, CancellationToken cancellationToken = default) =>
        DispatchAsync(EventBookmark, eventName, correlationId, payload, delivery, cancellationToken);

    /// <inheritdoc cref="DispatchAsync(string, string?, string?, object?, EventDelivery, CancellationToken)"/>
    public Task<DispatchResult> DispatchAsync(
        string name, string? key, string? correlationId, object? payload, string? eventId = null, CancellationToken cancellationToken = default) =>
        DispatchAsync(name, key, correlationId, payload, EventDelivery.Once(eventId), cancellationToken);

    /// <summary>
    /// Starts the workflows triggered by a stimulus and resumes the instances waiting on it (any bookmark type).
    /// <para>
    /// With an event id each instance receives the event once, however often it is dispatched: a start gets an instance id
    /// derived from the event and the trigger, which the database refuses a second time, and a resume records a receipt
    /// (event, instance) in the commit that saves the resumed state and is skipped when one exists. An instance waiting on
    /// the event at several activities resumes them all in one run, so that one receipt covers them.
    /// </para>
    /// <para>
    /// An event whose causation chain is deeper than <see cref="RuntimeOptions.MaxCausationDepth"/> runs nothing: each
    /// start it would make is refused (an instance Faulted from the start with an incident naming the chain), each instance
    /// it would resume gets that incident instead. A definition that used up <see cref="RuntimeOptions.MaxStartsPerCause"/>
    /// for the event's original cause is refused the same way.
    /// </para>
    /// </summary>
    public async Task<DispatchResult> DispatchAsync(
        string name, string? key, string? correlationId, object? payload, EventDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        payload = payload is System.Text.Json.JsonElement json ? Expressions.ValueConverter.FromJsonElement(json) : payload;
        var eventId = delivery.EventId;
        var tooDeep = delivery.Causation is { } chain && chain.Depth >= _options.MaxCausationDepth
            ? $"The event {key ?? name}{(correlationId is null ? "" : $" ({correlationId})")} was caused by a chain of {chain.Depth} workflow runs " +
              $"(the limit is {_options.MaxCausationDepth}, {RuntimeOptions.SectionName}:{nameof(RuntimeOptions.MaxCausationDepth)}), so it ran nothing: {chain.Describe()}. " +
              "A workflow is probably changing what triggers it; add a condition that stops it."
            : null;
        var stimulus = new Stimulus(key ?? name, correlationId, payload, delivery);
        var started = new List<WorkflowInstance>();
        var refused = new List<WorkflowInstance>();

        // The instances this event starts (now or, for a repeat, before): they were not waiting when the event came.
        var startedByEvent = new HashSet<string>(StringComparer.Ordinal);
        foreach (var trigger in await definitions.FindTriggersAsync(name, key, cancellationToken))
        {
            if (!await AcceptsAsync(trigger, payload, cancellationToken))
            {
                continue;
            }

            var refusal = tooDeep ?? StartLimitRefusal(trigger, stimulus);
            var instance = refusal is null
                ? await StartFromTriggerAsync(trigger, stimulus, occurrence: null, cancellationToken)
                : await RefuseStartAsync(trigger, stimulus, tooDeep is null ? IncidentKinds.StartRate : IncidentKinds.CausationDepth, refusal, cancellationToken);
            if (instance is not null)
            {
                startedByEvent.Add(instance.Id);
                (refusal is null ? started : refused).Add(instance);
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
            var result = tooDeep is null
                ? await ResumeAsync(instanceId, bookmarkIds, stimulus, cancellationToken)
                : await NoteRefusalAsync(instanceId, stimulus, tooDeep, cancellationToken);
            if (result.Instance is { } instance)
            {
                (tooDeep is null ? resumed : refused).Add(instance);
            }
            else if (result.Status == ResumeStatus.Busy)
            {
                busy.Add(instanceId);
            }
        }

        return new DispatchResult(started, resumed) { Busy = busy, Refused = refused };
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

    /// <summary>Why the trigger's definition may not start another instance for the stimulus's original cause; null if it may.</summary>
    private string? StartLimitRefusal(WorkflowTrigger trigger, Stimulus stimulus)
    {
        var root = stimulus.Delivery.Causation?.RootEventId ?? stimulus.Delivery.EventId;
        if (root is null || _startLimiter.TryStart(trigger.DefinitionId, root, clock.GetUtcNow()))
        {
            return null;
        }

        var chain = stimulus.Delivery.Causation is { } causes ? $": {causes.Describe()}" : ".";
        return $"{trigger.DefinitionId} started {_options.MaxStartsPerCause} instances from one original cause (event {root}) within " +
               $"{_options.StartLimitWindow.TotalMinutes:0.#} minutes (the limit, {RuntimeOptions.SectionName}:{nameof(RuntimeOptions.MaxStartsPerCause)}), so this start was refused. " +
               $"A workflow is probably setting itself off again and again{chain}";
    }

    /// <summary>The instance an event starts at a trigger: the same for every delivery of the event.</summary>
    private static string EventInstanceId(string eventId, WorkflowTrigger trigger) => DerivedInstanceId($"event:{eventId}@{trigger.ScheduleKey}");

    /// <summary>What arrived (an event's name or a bookmark key), with its correlation, payload and delivery.</summary>
    private sealed record Stimulus(string Name, string? CorrelationId, object? Payload, EventDelivery Delivery)
    {
        /// <summary>The causes of a run of the instance <paramref name="instanceId"/> that this stimulus sets off.</summary>
        public CausationChain CausesOf(string definitionId, string instanceId) =>
            CausationChain.Through(Delivery.Causation, new CausationLink(Name, Delivery.EventId, CorrelationId, definitionId, instanceId));
    }
}
