namespace SfaFlow.Data.Workflows;

/// <summary>A workflow instance: its whole state as JSON, and the columns lists, the lease and recovery query.</summary>
internal sealed class InstanceRow
{
    public required string Id { get; set; }

    public required string DefinitionId { get; set; }

    public required string DefinitionVersionId { get; set; }

    public int DefinitionVersion { get; set; }

    public string? Name { get; set; }

    public int Status { get; set; }

    public int SubStatus { get; set; }

    public string? CorrelationId { get; set; }

    public int IncidentCount { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public long? FinishedAt { get; set; }

    public required string State { get; set; }

    /// <summary>Bumped by every write: the optimistic-concurrency token.</summary>
    public long Version { get; set; }

    public string? LeaseOwner { get; set; }

    public long? LeaseUntil { get; set; }

    /// <summary>What the lease holder was doing (JSON), for recovery.</summary>
    public string? PendingStimulus { get; set; }

    /// <summary>
    /// Claims (and leased inserts) since a run last ended with a commit or release: each one a run that started. More than
    /// one means the earlier runs died with their host, and past a limit the runtime parks the instance.
    /// </summary>
    public int RunAttempts { get; set; }
}
