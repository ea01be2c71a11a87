using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Activities;

/// <summary>
/// A call, meeting, e-mail, task or visit, planned or done, on any of a lead, account, contact or opportunity. Created by a
/// person or by a workflow (a workflow's human task is an activity of kind Task with its instance and bookmark).
/// </summary>
public sealed class SalesActivity : SalesRecord, IOwnedRecord
{
    public ActivityKind Kind { get; set; }

    public required string Subject { get; set; }

    public string? Notes { get; set; }

    public ActivityStatus Status { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public DateTimeOffset? StartAt { get; set; }

    public DateTimeOffset? EndAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>What came of it ("Interested", "No answer", ...).</summary>
    public string? Outcome { get; set; }

    public long? LeadId { get; set; }

    public long? AccountId { get; set; }

    public long? ContactId { get; set; }

    public long? OpportunityId { get; set; }

    public long OwnerId { get; set; }

    public long? RegionId { get; set; }

    public long? CreatedByUserId { get; set; }

    /// <summary>The workflow instance that created it, if one did.</summary>
    public string? WorkflowInstanceId { get; set; }

    /// <summary>The bookmark its workflow waits on until it is completed (human tasks); cleared when the workflow stops waiting.</summary>
    public string? WorkflowBookmarkId { get; set; }

    public TaskPriority Priority { get; set; } = TaskPriority.Normal;

    /// <summary>
    /// The outcomes a person may complete it with (a workflow's task: its outcome ports). Empty means any outcome, as for
    /// activities people plan themselves.
    /// </summary>
    public List<string> AllowedOutcomes { get; set; } = [];

    /// <summary>When its workflow stopped waiting because it was overdue (it stays open, for the assignee or a manager to close).</summary>
    public DateTimeOffset? EscalatedAt { get; set; }

    /// <summary>
    /// The workflow execution that created it (<c>instance:activity-instance:attempt</c>), unique: a step retried after a
    /// crash finds its task instead of creating a second one.
    /// </summary>
    public string? IdempotencyKey { get; set; }
}
