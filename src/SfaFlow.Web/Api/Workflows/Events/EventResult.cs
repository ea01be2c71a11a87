namespace SfaFlow.Web.Api.Workflows.Events;

/// <summary>
/// What an event did: the instances it started and those it resumed, each with the status it reached, and the ids of
/// waiting instances another runtime kept busy (not resumed: post the event again, with its event id, to resume them).
/// </summary>
public sealed record EventResult(IReadOnlyList<InstanceReference> Started, IReadOnlyList<InstanceReference> Resumed, IReadOnlyList<string> Busy);
