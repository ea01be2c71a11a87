using SfaFlow.Plugins.Activities;
using SfaFlow.Sales.Workflows.Effects;

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

        // The owner change and its round-robin turn commit with the execution's key: a repeat after a crash (the change
        // saved, the instance not) gets the first choice back instead of taking another turn.
        var assigned = await context.OnceAsync(async db =>
        {
            var chosen = await AssigneeResolver.ResolveAsync(db, AssignmentOf(context, record), context.CancellationToken);
            return new Assigned(chosen, await RecordOwnerChange.ChangeAsync(db, record, chosen, context.Principal(), noteUnchangedAt: context.Now, context.CancellationToken));
        });
        context.SetOutput(OwnerId, assigned.OwnerId);
        context.SetOutput(PreviousOwnerId, assigned.PreviousOwnerId);
    }

    private sealed record Assigned(long OwnerId, long PreviousOwnerId);
}
