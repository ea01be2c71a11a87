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

    /// <summary>The bookmark its workflow waits on until it is completed (human tasks).</summary>
    public string? WorkflowBookmarkId { get; set; }
}
