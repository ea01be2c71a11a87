namespace SfaFlow.Plugins.Activities;

/// <summary>
/// Asks the runtime to suspend the activity until something resumes it: a timer coming due, an event, a person finishing a
/// task. The workflow instance is persisted while it waits.
/// </summary>
/// <param name="Name">The bookmark type, usually the activity type key (<c>Elsa.Event</c>, <c>Sfa.CreateTask</c>).</param>
/// <param name="Key">
/// What a stimulus must match to resume this bookmark: an event name, a task id. Null for bookmarks that are only resumed by
/// id (timers).
/// </param>
public sealed record BookmarkRequest(string Name, string? Key = null)
{
    /// <summary>Values stored with the bookmark and shown to operators, for example <c>{"EventName": "LeadReplied"}</c>.</summary>
    public IReadOnlyDictionary<string, object?> Payload { get; init; } = new Dictionary<string, object?>();

    /// <summary>When set, the scheduler resumes the bookmark at this time.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Payload keys left out of the bookmark's hash, so that stimuli need not know them (a task's name, say).</summary>
    public IReadOnlyCollection<string> UnhashedKeys { get; init; } = [];

    /// <summary>Whether resuming the bookmark removes it; true for everything but repeating waits.</summary>
    public bool AutoBurn { get; init; } = true;
}
