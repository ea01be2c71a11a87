namespace SfaFlow.Web.Api.Workflows.Events;

/// <summary>What an event did: the instances it started and those it resumed, each with the status it reached.</summary>
public sealed record EventResult(IReadOnlyList<InstanceReference> Started, IReadOnlyList<InstanceReference> Resumed);
