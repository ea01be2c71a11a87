using SfaFlow.Workflows.Definitions;

namespace SfaFlow.Workflows.Compilation;

/// <summary>A connection with its ends resolved to positions in the flowchart.</summary>
internal sealed class ConnectionPlan
{
    public required Connection Connection { get; init; }

    /// <summary>Position in the flowchart's connection list (document order).</summary>
    public required int Index { get; init; }

    public required int Source { get; init; }

    public required int Target { get; init; }

    /// <summary>
    /// Whether the connection fires for a completion with these outcomes. A connection without a source port fires on
    /// <c>Done</c> only, as in Elsa.
    /// </summary>
    public bool IsFollowed(IReadOnlyList<string> outcomes)
    {
        var port = Connection.Source.Port ?? SfaFlow.Plugins.Activities.WorkflowActivity.DoneOutcome;
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (string.Equals(outcomes[i], port, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Connection.ToString();
}
