using SfaFlow.Plugins.Activities;

namespace SfaFlow.Workflows.Activities.Primitives;

/// <summary>Sets the instance's correlation id, so correlated events (for example about one lead) reach it.</summary>
[Activity("Elsa.Correlate", Category = "Primitives", DisplayName = "Correlate", Description = "Sets the workflow's correlation id.")]
internal sealed class Correlate : WorkflowActivity
{
    [Input(Description = "The correlation id, for example a lead id.")]
    public Input<string?> CorrelationId { get; } = new();

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        context.CorrelationId = context.GetInput(CorrelationId);
        return ValueTask.CompletedTask;
    }
}
