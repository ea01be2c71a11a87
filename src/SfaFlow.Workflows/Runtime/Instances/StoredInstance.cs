using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Runtime.Instances;

/// <summary>
/// An instance as committed, with its row version and, if someone is running it, the lease. Its run attempts count how
/// many times it was taken up to run (claimed, or inserted under a lease) since a run last ended with a commit or a
/// release: more than one means the runs before stopped with their host.
/// </summary>
public sealed record StoredInstance(WorkflowInstance Instance, long Version, Lease? Lease, RuntimeStimulus? PendingStimulus, int RunAttempts = 0);

/// <summary>The outcome of asking for an instance's lease.</summary>
public enum ClaimStatus
{
    Claimed,
    NotFound,

    /// <summary>Another runtime holds an unexpired lease.</summary>
    Busy,
}

/// <summary>The instance when the lease was granted.</summary>
public sealed record InstanceClaim(ClaimStatus Status, StoredInstance? Stored = null);
