namespace SfaFlow.Sales.Auditing;

/// <summary>One entry of the audit log as it is read: the change, and the display name of the person who made it (null for a workflow or the system).</summary>
public sealed record AuditLogEntry(
    long Id, string RecordType, long RecordId, string Change, string? Field, string? OldValue, string? NewValue, DateTimeOffset At,
    long? ByUserId, string? ByDisplayName, string? ByWorkflowInstanceId, string? Reason);
