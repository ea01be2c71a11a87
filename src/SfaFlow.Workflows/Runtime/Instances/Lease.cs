namespace SfaFlow.Workflows.Runtime.Instances;

/// <summary>
/// The right to run an instance until <see cref="Until"/>, held by one runtime process. A crashed holder's lease simply
/// expires; recovery then continues the instance from its last committed state.
/// </summary>
public sealed record Lease(string Owner, DateTimeOffset Until);
