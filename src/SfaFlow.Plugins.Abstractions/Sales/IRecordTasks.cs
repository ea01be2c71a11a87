namespace SfaFlow.Plugins.Sales;

/// <summary>Creates tasks for reps on behalf of whoever the plugin acts for (see <see cref="ISalesRecords"/>), within that caller's record scope.</summary>
public interface IRecordTasks
{
    /// <summary>Creates a task; it appears in the assignee's <c>/api/tasks/mine</c> and on the record's timeline.</summary>
    /// <param name="request">The task.</param>
    /// <param name="cancellationToken">Cancels the creation (nothing is saved).</param>
    /// <returns>The task's id (an activity id).</returns>
    /// <exception cref="KeyNotFoundException">The record or the assignee does not exist, or the record is outside the caller's scope.</exception>
    /// <exception cref="ArgumentException">The request is invalid; the message says what is wrong.</exception>
    Task<long> CreateAsync(TaskRequest request, CancellationToken cancellationToken = default);
}
