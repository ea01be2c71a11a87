namespace SfaFlow.Sales.Activities;

/// <summary>How urgent a task is; reps' inboxes sort by it after the due date.</summary>
public enum TaskPriority
{
    Low,
    Normal,
    High,
    Urgent,
}
