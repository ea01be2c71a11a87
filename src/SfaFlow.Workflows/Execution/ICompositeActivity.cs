namespace SfaFlow.Workflows.Execution;

/// <summary>
/// An activity that runs other activities (a flowchart, a container). It stays running after it executes, and the run
/// tells it when each child completes; it completes itself through <see cref="WorkflowRun.CompleteActivity"/>.
/// </summary>
internal interface ICompositeActivity
{
    /// <summary>A child completed with these outcomes.</summary>
    void OnChildCompleted(ActivityExecutionContext composite, ActivityExecutionContext child, IReadOnlyList<string> outcomes);

    /// <summary>A child was cancelled by something other than the composite completing (a race lost, a join fired).</summary>
    void OnChildCanceled(ActivityExecutionContext composite, ActivityExecutionContext child);

    /// <summary>Why the composite cannot complete, when nothing is left that could move it on (a join waiting forever).</summary>
    IEnumerable<StallReason> DescribeStall(ActivityExecutionContext composite);
}

/// <summary>An activity that waits for something that can no longer happen.</summary>
/// <param name="ActivityId">The waiting activity (a merge or join).</param>
/// <param name="Message">What it waits for, in words.</param>
internal sealed record StallReason(string ActivityId, string Message);
