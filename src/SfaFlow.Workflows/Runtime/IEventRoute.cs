using System.Text.Json;

namespace SfaFlow.Workflows.Runtime;

/// <summary>
/// Turns a committed domain event into further stimuli for the runtime, beyond the named event itself: a completed task
/// resumes the workflow waiting on that task (<c>Sfa.Task</c>, <c>task:42</c>). The outbox dispatcher asks every
/// registered route about every event and dispatches what they return with an event id of their own, so each route's
/// stimuli take effect once per instance however often the event is delivered.
/// </summary>
public interface IEventRoute
{
    /// <summary>A stable name, part of the derived event ids (<c>{eventId}/{Name}</c>): never change it.</summary>
    string Name { get; }

    /// <summary>The stimuli the event causes; none for events the route does not handle.</summary>
    /// <param name="eventName">The domain event's name, for example <c>TaskCompleted</c>.</param>
    /// <param name="correlationId">The record the event is about, for example <c>activity:42</c>.</param>
    /// <param name="payload">The event's payload; it is also what resumed activities receive.</param>
    IEnumerable<EventStimulus> Route(string eventName, string? correlationId, JsonElement payload);
}

/// <summary>A stimulus a route derives: the bookmarks it resumes (and the triggers it starts).</summary>
/// <param name="BookmarkName">The bookmark type, for example <c>Sfa.Task</c>.</param>
/// <param name="Key">The bookmark key to match, for example <c>task:42</c>.</param>
/// <param name="CorrelationId">Only instances with this correlation id; null for any (a task id is unique on its own).</param>
public sealed record EventStimulus(string BookmarkName, string? Key, string? CorrelationId = null);
