namespace SfaFlow.Plugins.Events;

/// <summary>
/// Something that happened to a record (<c>LeadCreated</c>, <c>OpportunityStageChanged</c>, ...), written to the outbox in
/// the same transaction as the change and handed to the workflow runtime after commit. Workflows see it as a named event:
/// those it triggers start, instances waiting on it resume, each exactly once per <see cref="Id"/>.
/// </summary>
/// <param name="Id">
/// Unique per event, forever: the runtime remembers which events each instance received by this id, so a redelivered
/// event changes nothing. <see cref="Create"/> makes a new GUID.
/// </param>
/// <param name="Name">The event name that workflows wait on or are triggered by, for example <c>LeadCreated</c>.</param>
/// <param name="CorrelationId">
/// The record the event is about, for example <c>lead:42</c>: only instances correlated to it resume, and instances it starts
/// carry it. Null reaches every instance waiting on the name.
/// </param>
/// <param name="Payload">What workflows receive as the event's result; values must serialize to JSON.</param>
/// <param name="OccurredAt">When the change happened; events are dispatched in this order.</param>
public sealed record DomainEvent(string Id, string Name, string? CorrelationId, IReadOnlyDictionary<string, object?> Payload, DateTimeOffset OccurredAt)
{
    /// <summary>The event's unique id; never empty.</summary>
    public string Id { get; init; } = string.IsNullOrWhiteSpace(Id) ? throw new ArgumentException("A domain event needs an id.", nameof(Id)) : Id;

    /// <summary>The event name; never empty.</summary>
    public string Name { get; init; } = string.IsNullOrWhiteSpace(Name) ? throw new ArgumentException("A domain event needs a name.", nameof(Name)) : Name;

    /// <summary>The event's payload; never null.</summary>
    public IReadOnlyDictionary<string, object?> Payload { get; init; } = Payload ?? throw new ArgumentNullException(nameof(Payload));

    /// <summary>A new event with a fresh id (a GUID in <c>N</c> format).</summary>
    /// <param name="name">The event name, for example <c>LeadCreated</c>.</param>
    /// <param name="correlationId">The record the event is about, for example <c>lead:42</c>; null for none.</param>
    /// <param name="payload">What workflows receive; null for an empty payload.</param>
    /// <param name="occurredAt">When the change happened (take it from the host's <see cref="TimeProvider"/>).</param>
    /// <returns>The event, ready to be added to the outbox.</returns>
    public static DomainEvent Create(string name, string? correlationId, IReadOnlyDictionary<string, object?>? payload, DateTimeOffset occurredAt) =>
        new(Guid.NewGuid().ToString("N"), name, correlationId, payload ?? new Dictionary<string, object?>(), occurredAt);
}
