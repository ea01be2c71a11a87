namespace SfaFlow.Data.Workflows;

/// <summary>
/// One occurrence of a scheduled trigger. Its key (trigger, scheduled time) is the primary key, so two runtimes cannot
/// both claim it: that is what makes each cron occurrence start exactly one instance.
/// </summary>
internal sealed class OccurrenceRow
{
    public required string ScheduleKey { get; set; }

    public long ScheduledAt { get; set; }

    public required string InstanceId { get; set; }

    public string? ClaimedBy { get; set; }

    public long? ClaimedUntil { get; set; }

    public long? StartedAt { get; set; }
}
