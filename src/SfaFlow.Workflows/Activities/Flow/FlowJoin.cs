using SfaFlow.Plugins.Activities;
using SfaFlow.Workflows.Compilation;
using SfaFlow.Workflows.Execution;

namespace SfaFlow.Workflows.Activities.Flow;

/// <summary>
/// An explicit join. The flowchart decides when it runs (see <see cref="Flowchart"/>); when it runs, it cancels whatever is
/// still running upstream of it in the same flowchart, then completes.
/// </summary>
[Activity(TypeKey, Category = "Branching", DisplayName = "Join",
    Description = "Waits for inbound branches (any or all) before continuing.")]
internal sealed class FlowJoin : WorkflowActivity, ICompilingActivity
{
    public const string TypeKey = "Elsa.FlowJoin";

    [Input(Description = "WaitAny continues on the first branch and cancels the rest; WaitAll waits for every branch.", UIHint = "dropdown",
        DefaultValue = FlowJoinMode.WaitAny)]
    public Input<FlowJoinMode> Mode { get; } = new();

    public void Compile(NodeCompilation compilation)
    {
        if (!compilation.TryGetConstant(Mode.Index, out var mode))
        {
            compilation.Error("mode", "A join's mode must be a literal: WaitAny, WaitAll or WaitAllActive.");
            return;
        }

        compilation.Node.JoinMode = (FlowJoinMode)mode! switch
        {
            FlowJoinMode.WaitAll => JoinMode.WaitAll,
            FlowJoinMode.WaitAllActive => JoinMode.WaitAllActive,
            _ => JoinMode.WaitAny,
        };
    }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var join = (ActivityExecutionContext)context;
        if (join.Parent?.Node.Flowchart is not null)
        {
            Flowchart.CancelForwardAncestors(join.Parent, join.Node.Ordinal);
        }

        return ValueTask.CompletedTask;
    }
}
