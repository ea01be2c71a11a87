using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Plugins.Activities;
using SfaFlow.Workflows.Execution;

namespace SfaFlow.Workflows.Activities.Primitives;

/// <summary>Writes a line of text to the host's text sink (standard output unless the host replaces it).</summary>
[Activity("Elsa.WriteLine", Category = "Console", DisplayName = "Write Line", Description = "Writes a line of text.")]
internal sealed class WriteLine : WorkflowActivity
{
    [Input(Description = "The text to write.")]
    public Input<string?> Text { get; } = new();

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var sink = context.Services.GetService<ITextSink>() ?? new ConsoleTextSink();
        sink.WriteLine(context.GetInput(Text));
        return ValueTask.CompletedTask;
    }
}
