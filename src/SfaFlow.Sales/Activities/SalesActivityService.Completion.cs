using Microsoft.EntityFrameworkCore;
using SfaFlow.Plugins.Events;
using SfaFlow.Sales.Events;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Security;

namespace SfaFlow.Sales.Activities;

public sealed partial class SalesActivityService
{
    /// <summary>
    /// Completes a planned activity with its outcome: status Done, completed now, and the linked deal's last activity moved
    /// to now (stalled-deal analytics read it). A workflow waiting on the task is resumed by the caller after this commits.
    /// </summary>
    public async Task<SalesActivity> CompleteAsync(long id, ActivityOutcome outcome, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await using var db = await databases.OpenAsync(cancellationToken);
        var activity = await db.Activities.FindInScopeAsync(id, by, cancellationToken);
        activity.CheckVersion(expectedVersion);
        RequirePlanned(activity, "completed");
        await CompleteAsync(db, activity, outcome, by, cancellationToken);
        db.Actor = by.ToActor();
        await db.SaveChangesAsync(cancellationToken);
        return activity;
    }

    /// <summary>Records an activity that has happened (a call just made): planned and completed in one change.</summary>
    public async Task<SalesActivity> LogAsync(ActivityFields fields, ActivityOutcome outcome, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await using var db = await databases.OpenAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var activity = await PlanAsync(db, fields, by, cancellationToken);
        await CompleteAsync(db, activity, outcome, by, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return activity;
    }

    /// <summary>Cancels a planned activity; the reason goes to the audit log.</summary>
    public async Task<SalesActivity> CancelAsync(long id, string? reason, int? expectedVersion, SalesPrincipal by, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.OpenAsync(cancellationToken);
        var activity = await db.Activities.FindInScopeAsync(id, by, cancellationToken);
        activity.CheckVersion(expectedVersion);
        RequirePlanned(activity, "cancelled");
        activity.Status = ActivityStatus.Cancelled;
        db.Actor = by.ToActor(FieldRules.Clean(reason));
        await db.SaveChangesAsync(cancellationToken);
        return activity;
    }

    private async Task CompleteAsync(ISalesDatabase db, SalesActivity activity, ActivityOutcome outcome, SalesPrincipal by, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(outcome.Outcome))
        {
            throw new RuleViolationException("outcome", "Completing an activity needs its outcome (\"Interested\", \"No answer\", ...).");
        }

        var now = clock.GetUtcNow();
        activity.Status = ActivityStatus.Done;
        activity.CompletedAt = now;
        activity.Outcome = AllowedOutcome(activity, outcome.Outcome.Trim());
        var completer = by.ToActor().UserId;
        db.Raise(() => SalesEvents.Activity(SalesEventNames.ActivityCompleted, activity, now, outcome, completer));
        if (activity.Kind == ActivityKind.Task)
        {
            db.Raise(() => SalesEvents.Activity(SalesEventNames.TaskCompleted, activity, now, outcome, completer));
        }
        if (FieldRules.Clean(outcome.Note) is { } note)
        {
            activity.Notes = activity.Notes is null ? note : $"{activity.Notes}\n{note}";
        }

        // The deal's last activity is maintained for analytics whoever owns the deal: it is a fact about the deal, not a
        // change someone makes to it, so it is not scope-checked (the activity itself was).
        if (activity.OpportunityId is { } dealId && await db.Opportunities.FirstOrDefaultAsync(o => o.Id == dealId, cancellationToken) is { } deal
            && (deal.LastActivityAt is null || deal.LastActivityAt < now))
        {
            deal.LastActivityAt = now;
        }
    }

    /// <summary>
    /// The outcome as the activity's allowed outcomes spell it (any case matches), or any outcome when it lists none. The
    /// rule lives here so that the API, imports and workflows refuse the same outcomes: a workflow task's outcomes are its
    /// ports, and an outcome without a port would strand the workflow.
    /// </summary>
    /// <exception cref="RuleViolationException">The outcome is not one of the allowed ones (the message lists them).</exception>
    private static string AllowedOutcome(SalesActivity activity, string outcome)
    {
        if (activity.AllowedOutcomes.Count == 0)
        {
            return outcome;
        }

        return activity.AllowedOutcomes.FirstOrDefault(o => string.Equals(o, outcome, StringComparison.OrdinalIgnoreCase))
            ?? throw new RuleViolationException("outcome",
                $"'{outcome}' is not an outcome of activity {activity.Id}; it is completed with one of: {string.Join(", ", activity.AllowedOutcomes)}.");
    }

    private static void RequirePlanned(SalesActivity activity, string what)
    {
        if (activity.Status != ActivityStatus.Planned)
        {
            throw new RuleViolationException("status", $"Activity {activity.Id} is {activity.Status.ToString().ToLowerInvariant()}; only planned activities are {what}.");
        }
    }
}
