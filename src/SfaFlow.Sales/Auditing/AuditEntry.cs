namespace SfaFlow.Sales.Auditing;

/// <summary>One field of one record changed: from what, to what, when, by whom, and why when a rule was overridden.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>The record's type ("Opportunity").</summary>
    public required string RecordType { get; set; }

    public long RecordId { get; set; }

    /// <summary>Created, Updated or Deleted.</summary>
    public required string Change { get; set; }

    /// <summary>The field, for updates; null for a whole record created or deleted.</summary>
    public string? Field { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    public DateTimeOffset At { get; set; }

    public long? ByUserId { get; set; }

    /// <summary>The workflow instance that made the change, when a workflow did.</summary>
    public string? ByWorkflowInstanceId { get; set; }

    public string? Reason { get; set; }
}
