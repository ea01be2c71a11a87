using SfaFlow.Workflows.Instances;

namespace SfaFlow.Web.Api.Workflows.Instances;

/// <summary>One activity execution in the instance's history, in the order they started.</summary>
public sealed record JournalEntryView(
    long Sequence,
    string ActivityId,
    string? ActivityName,
    string ActivityType,
    ActivityStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<string> Outcomes,
    string? Error)
{
    public static JournalEntryView From(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new JournalEntryView(entry.Sequence, entry.ActivityId, entry.ActivityName, entry.ActivityType, entry.Status, entry.StartedAt,
            entry.CompletedAt, entry.Outcomes ?? [], entry.Error);
    }
}
