namespace SfaFlow.Sales.Activities;

/// <summary>What a person sets on an activity. It is linked to at least one lead, account, contact or deal in their scope.</summary>
public sealed record ActivityFields
{
    public ActivityKind Kind { get; init; }

    public required string Subject { get; init; }

    public string? Notes { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Meetings and visits need one.</summary>
    public DateTimeOffset? StartAt { get; init; }

    public DateTimeOffset? EndAt { get; init; }

    public long? LeadId { get; init; }

    public long? AccountId { get; init; }

    public long? ContactId { get; init; }

    public long? OpportunityId { get; init; }

    /// <summary>Defaults to the person planning it; on an update, null keeps the owner.</summary>
    public long? OwnerId { get; init; }
}

/// <summary>What came of an activity ("Interested", "No answer", ...), and a note to add to it.</summary>
public sealed record ActivityOutcome(string Outcome, string? Note = null);
