namespace SfaFlow.Web.Api.Workflows.Instances;

/// <summary>The runtime process running the instance right now, and until when its lease holds.</summary>
public sealed record LeaseView(string Owner, DateTimeOffset Until);
