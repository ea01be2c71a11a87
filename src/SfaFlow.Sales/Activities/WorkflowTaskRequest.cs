namespace SfaFlow.Sales.Activities;

/// <summary>A human task a workflow step asks for: the activity's fields plus what only workflow tasks have.</summary>
/// <param name="Fields">Subject, notes, due date, the record and the assignee (as <see cref="ActivityFields.OwnerId"/>).</param>
/// <param name="Priority">How urgent it is.</param>
/// <param name="AllowedOutcomes">The outcomes it may be completed with: the step's outcome ports.</param>
/// <param name="WorkflowInstanceId">The instance that waits on it; null for a task nothing waits on (a plugin's).</param>
/// <param name="IdempotencyKey">The step's execution key, so that a retried step finds its task; null when there is no step.</param>
public sealed record WorkflowTaskRequest(
    ActivityFields Fields, TaskPriority Priority, IReadOnlyList<string> AllowedOutcomes, string? WorkflowInstanceId, string? IdempotencyKey);
