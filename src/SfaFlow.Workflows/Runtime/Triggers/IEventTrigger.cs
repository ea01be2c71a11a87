namespace SfaFlow.Workflows.Runtime.Triggers;

/// <summary>
/// A trigger activity that starts workflows on a published event (a record's domain event such as <c>LeadCreated</c>)
/// under its own type key (<c>Sfa.LeadCreated</c>), and may refuse events before an instance starts: only a deal moving
/// into "Negotiation", only leads from the web. It is indexed like an <c>Elsa.Event</c> trigger on that event name.
/// </summary>
/// <remarks>
/// The settings both methods take are the activity's inputs by name: as a trigger, its literal inputs (read
/// when the definition is published); waiting in the middle of a flow, its evaluated inputs.
/// </remarks>
public interface IEventTrigger
{
    /// <summary>The event the activity listens to; null when its inputs name none (it is then not indexed).</summary>
    string? EventName(IReadOnlyDictionary<string, object?> settings);

    /// <summary>
    /// Whether this event, with its payload, starts an instance (or resumes a waiting activity). Called before anything
    /// is stored; an exception counts as "no" and is logged.
    /// </summary>
    bool Accepts(IReadOnlyDictionary<string, object?> settings, object? payload, IServiceProvider services);
}
