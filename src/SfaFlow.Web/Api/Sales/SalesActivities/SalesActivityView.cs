using SfaFlow.Sales.Activities;

namespace SfaFlow.Web.Api.Sales.SalesActivities;

/// <summary>A call, meeting, e-mail, task or visit as the API shows it; <see cref="Version"/> is also its ETag.</summary>
public sealed record SalesActivityView(
    long Id, int Version, ActivityKind Kind, string Subject, string? Notes, ActivityStatus Status,
    DateTimeOffset? DueAt, DateTimeOffset? StartAt, DateTimeOffset? EndAt, DateTimeOffset? CompletedAt, string? Outcome,
    long? LeadId, long? AccountId, long? ContactId, long? OpportunityId, long OwnerId, long? RegionId, long? CreatedByUserId,
    string? WorkflowInstanceId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    TaskPriority Priority, IReadOnlyList<string> AllowedOutcomes, DateTimeOffset? EscalatedAt)
{
    public static SalesActivityView From(SalesActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new(activity.Id, activity.Version, activity.Kind, activity.Subject, activity.Notes, activity.Status,
            activity.DueAt, activity.StartAt, activity.EndAt, activity.CompletedAt, activity.Outcome,
            activity.LeadId, activity.AccountId, activity.ContactId, activity.OpportunityId, activity.OwnerId, activity.RegionId,
            activity.CreatedByUserId, activity.WorkflowInstanceId, activity.CreatedAt, activity.UpdatedAt,
            activity.Priority, activity.AllowedOutcomes, activity.EscalatedAt);
    }
}

/// <summary>
/// The body of "log": the activity's fields as for planning it, and what came of it, apart so that the fields are the
/// same object in a plan, a change and a log (<c>{"fields": {...}, "outcome": "Interested", "note": "..."}</c>).
/// </summary>
public sealed record LogActivityRequest(ActivityFields? Fields, string? Outcome, string? Note);

/// <summary>The body of "complete": what came of the activity (required) and a note added to its notes.</summary>
public sealed record CompleteActivityRequest(string? Outcome, string? Note);

/// <summary>The body of "reassign": the new assignee (an active user in your scope) and why (audited; optional).</summary>
public sealed record ReassignTaskRequest(long? UserId, string? Reason);

/// <summary>The body of "cancel": why (audited; optional).</summary>
public sealed record CancelActivityRequest(string? Reason);
