using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace SfaFlow.Benchmarks.Peer;

/// <summary>The counterpart of Elsa's WriteLine.</summary>
internal sealed class WriteLineStep : StepBody
{
    public string? Text { get; set; }

    public override ExecutionResult Run(IStepExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ((LeadData)context.Workflow.Data).WriteLine(Text);
        return ExecutionResult.Next();
    }
}
