using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Activities;

/// <summary>Tasks that workflows hand to people, and what managers do with tasks: reassign them.</summary>
public sealed partial class SalesActivityService
{
    /// <summary>The task a workflow step created earlier (the step is being retried after a crash), or null.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "One service API: callers hold the service, not its type.")]
    public async Task<SalesActivity?> FindWorkflowTaskAsync(ISalesDatabase db, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Activities.FirstOrDefaultAsync(a => a.IdempotencyKey == idempotencyKey, cancellationToken);
    }

    /// <summary>
    /// Plans a workflow's task (kind Task, planned, created by nobody) in an open unit of work, with the same checks as any
    /// planned activity; whatever else the unit tracks (a round-robin turn) is saved with it.
    /// </summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "One service API: callers hold the service, not its type.")]
    public async Task<SalesActivity> PlanWorkflowTaskAsync(ISalesDatabase db, WorkflowTaskRequest request, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(by);
        var task = new SalesActivity
        {
            Subject = "", Status = ActivityStatus.Planned, CreatedByUserId = by.ToActor().UserId, Priority = request.Priority,
            AllowedOutcomes = [.. request.AllowedOutcomes], WorkflowInstanceId = request.WorkflowInstanceId, IdempotencyKey = request.IdempotencyKey,
        };
        await ApplyAsync(db, task, request.Fields with { Kind = ActivityKind.Task }, by, cancellationToken);
        db.Activities.Add(task);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return task;
    }

    /// <summary>Records the bookmark the workflow waits on for a task (a retried step waits on a new one).</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "One service API: callers hold the service, not its type.")]
    public async Task AttachWorkflowBookmarkAsync(ISalesDatabase db, SalesActivity task, string bookmarkId, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(by);
        task.WorkflowBookmarkId = bookmarkId;
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Marks an open task escalated: its workflow stopped waiting (it went on at TimedOut). The task stays open for its
    /// assignee or a manager to finish; completing it later resumes nothing, and it may now be deleted.
    /// </summary>
    /// <returns>The task; when it was no longer open (completed or cancelled meanwhile) it is returned unchanged.</returns>
    public async Task<SalesActivity> EscalateWorkflowTaskAsync(long id, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        await using var db = await databases.OpenAsync(cancellationToken);
        var task = await db.Activities.FindInScopeAsync(id, by, cancellationToken);
        if (task.Status != ActivityStatus.Planned)
        {
            return task;
        }

        task.EscalatedAt = clock.GetUtcNow();
        task.WorkflowBookmarkId = null;
        db.Actor = by.ToActor("Overdue: the workflow escalated it.");
        await db.SaveChangesAsync(cancellationToken);
        return task;
    }

    /// <summary>
    /// Gives a planned task to someone else: managers and admins only, to an active user in their scope; audited with the
    /// reason. A waiting workflow is unaffected (it waits on the task, not on the person).
    /// </summary>
    /// <exception cref="PermissionDeniedException">The caller is not a manager or an admin.</exception>
    /// <exception cref="RecordNotFoundException">No such task in the caller's scope.</exception>
    /// <exception cref="RuleViolationException">Not a planned task, or the new assignee is inactive or out of scope.</exception>
    public async Task<SalesActivity> ReassignAsync(long id, long userId, string? reason, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (by.Role is not (Organization.SalesRole.Manager or Organization.SalesRole.Admin))
        {
            throw new PermissionDeniedException("Only managers and admins reassign tasks.");
        }

        await using var db = await databases.OpenAsync(cancellationToken);
        var task = await db.Activities.FindInScopeAsync(id, by, cancellationToken);
        task.CheckVersion(expectedVersion);
        if (task.Kind != ActivityKind.Task)
        {
            throw new RuleViolationException("kind", $"Activity {id} is a {task.Kind.ToString().ToLowerInvariant()}, not a task.");
        }

        RequirePlanned(task, "reassigned");
        var violations = new List<RuleViolation>();
        await violations.OwnerAsync(db, userId, task.RegionId, by, "a task", cancellationToken);
        // The request names the new assignee userId; the owner rule calls it ownerId.
        violations = [.. violations.Select(v => v with { Field = "userId" })];
        violations.ThrowIfAny($"Task {id} cannot go to user {userId}.");
        task.OwnerId = userId;
        db.Actor = by.ToActor(FieldRules.Clean(reason));
        await db.SaveChangesAsync(cancellationToken);
        return task;
    }
}
