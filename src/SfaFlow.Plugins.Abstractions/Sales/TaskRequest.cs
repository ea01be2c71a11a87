namespace SfaFlow.Plugins.Sales;

/// <summary>A task to put in a rep's inbox, on a record's timeline.</summary>
/// <param name="Record">The record the task is about, for example <c>opportunity:7</c>.</param>
/// <param name="Subject">What to do, in a few words.</param>
public sealed record TaskRequest(RecordRef Record, string Subject)
{
    /// <summary>Details shown with the task.</summary>
    public string? Notes { get; init; }

    /// <summary>Who gets it, by user name; null for the record's owner.</summary>
    public string? AssigneeUserName { get; init; }

    /// <summary>When it is due; null for no due date.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary><c>Low</c>, <c>Normal</c>, <c>High</c> or <c>Urgent</c>.</summary>
    public string Priority { get; init; } = "Normal";

    /// <summary>The outcomes the rep picks from when completing it; empty for a plain done.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [];
}
