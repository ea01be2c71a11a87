using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace SfaFlow.Benchmarks.Peer;

/// <summary>The counterpart of Elsa's SetVariable: an input value, mapped onto the workflow data as the step's output.</summary>
internal sealed class AssignStep : StepBody
{
    public string? Value { get; set; }

    public override ExecutionResult Run(IStepExecutionContext context) => ExecutionResult.Next();
}
