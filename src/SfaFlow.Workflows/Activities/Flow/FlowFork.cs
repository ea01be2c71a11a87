using SfaFlow.Plugins.Activities;
using SfaFlow.Workflows.Execution;

namespace SfaFlow.Workflows.Activities.Flow;

/// <summary>Fires one port per branch name, so every branch runs (in connection order); it does not wait for them.</summary>
[Activity("Elsa.FlowFork", Category = "Branching", DisplayName = "Fork", Outcomes = [], DynamicOutcomesFrom = "branches",
    Description = "Starts several branches at once.")]
internal sealed class FlowFork : WorkflowActivity
{
    [Input(Description = "The branch names; each becomes a port.", UIHint = "multitext", DefaultSyntax = "Object")]
    public Input<string[]?> Branches { get; } = new();

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var branches = context.GetInput(Branches);
        context.Complete(branches is { Length: > 0 } ? branches : Outcomes.Done);
        return ValueTask.CompletedTask;
    }
}
