namespace SfaFlow.Data.Workflows;

/// <summary>The index of what instances wait on; the bookmarks themselves live in the instance state.</summary>
internal sealed class BookmarkRow
{
    public required string Id { get; set; }

    public required string InstanceId { get; set; }

    public required string Name { get; set; }

    public string? Key { get; set; }

    public required string Hash { get; set; }

    public string? CorrelationId { get; set; }

    /// <summary>Unix milliseconds; set for timers.</summary>
    public long? DueAt { get; set; }

    public string? ClaimedBy { get; set; }

    public long? ClaimedUntil { get; set; }

    public long CreatedAt { get; set; }
}
