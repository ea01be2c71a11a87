namespace SfaFlow.Workflows.Runtime.Instances;

/// <summary>A row of the bookmark index: enough to find the instance that waits.</summary>
public sealed record BookmarkEntry(string Id, string InstanceId, string Name, string? Key, string? CorrelationId, DateTimeOffset? DueAt);
