using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Workflows.Runtime;

/// <summary>
/// One run's commit-per-activity checkpoints: the instance row is written (and stays leased) after each activity, with
/// the trigger occurrence a start marks and the receipt of the event being delivered.
/// </summary>
internal sealed class RunCheckpoint(IWorkflowInstanceStore instances, Func<Lease> newLease, bool inserted, TriggerOccurrence? occurrence, string? eventId)
{
    /// <summary>Whether the instance has a row: it existed, or a checkpoint of this run inserted it.</summary>
    public bool Inserted { get; private set; } = inserted;

    /// <summary>What the engine calls after each activity.</summary>
    public Func<WorkflowInstance, CancellationToken, ValueTask> Commit => CommitAsync;

    private async ValueTask CommitAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        if (!Inserted)
        {
            // The first checkpoint creates the row, as a one-commit start does.
            Inserted = await instances.InsertAsync(instance, newLease(), occurrence, eventId, cancellationToken)
                ? true
                : throw new DuplicateInstanceException(instance.Id);
            return;
        }

        // Recording the receipt at every checkpoint is a no-op after the first, and keeps it in the first commit of a resume
        // whichever checkpoint that is.
        if (!await instances.SaveAsync(instance, newLease(), release: false, eventId, cancellationToken))
        {
            throw new InvalidOperationException($"Lost the lease on instance '{instance.Id}' while running it.");
        }
    }
}
