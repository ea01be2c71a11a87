using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace SfaFlow.Benchmarks.Peer;

/// <summary>A step that does nothing: the flow's start and end, as Elsa's Start and End.</summary>
internal sealed class MarkStep : StepBody
{
    public override ExecutionResult Run(IStepExecutionContext context) => ExecutionResult.Next();
}
