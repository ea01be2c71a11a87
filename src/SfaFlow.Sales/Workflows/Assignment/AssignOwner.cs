using SfaFlow.Plugins.Activities;

namespace SfaFlow.Sales.Workflows.Assignment;

/// <summary>
/// Gives the record a new owner, chosen like a task's assignee (round-robin, fewest open tasks, region rules, ...). The
/// change is audited to the workflow instance; a round-robin turn is committed with it.
/// </summary>
[Activity("Sfa.AssignOwner", Category = "Sales", DisplayName = "Assign owner",
    Description = "Makes a person the owner of the lead, account, contact or opportunity: by round-robin, fewest open tasks, region rules, role in region, or by name.")]
public sealed class AssignOwner : AssigningActivity
{
    [Output(Description = "The new owner's user id.")]
    public Output<long> OwnerId { get; } = new();

    [Output(Description = "The previous owner's user id.")]
    public Output<long> PreviousOwnerId { get; } = new();

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = RecordOf(context);
        await using var db = await context.Service<ISalesDatabaseFactory>().OpenAsync(context.CancellationToken);
        // This very execution may be a retry after a crash that came after the owner change was saved (with its
        // round-robin turn) but before the instance was: the change carries the execution's key, so it is found, not repeated.
        var reason = $"Assigned by workflow step {context.IdempotencyKey}.";
        if (await RecordOwnerChange.FindMarkedAsync(db, record, reason, context.CancellationToken) is { } done)
        {
            context.SetOutput(OwnerId, done.OwnerId);
            context.SetOutput(PreviousOwnerId, done.PreviousOwnerId);
            return;
        }

        var owner = await AssigneeResolver.ResolveAsync(db, AssignmentOf(context, record), context.CancellationToken);
        var mark = new OwnerChangeMark(reason, context.Service<TimeProvider>().GetUtcNow());
        var previous = await RecordOwnerChange.ChangeAsync(db, record, owner, context.Principal(), mark, context.CancellationToken);
        context.SetOutput(OwnerId, owner);
        context.SetOutput(PreviousOwnerId, previous);
    }
}
