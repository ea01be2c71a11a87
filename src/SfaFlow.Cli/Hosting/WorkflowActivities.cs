using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;

namespace SfaFlow.Cli.Hosting;

/// <summary>Makes workflow definitions usable as activities (Elsa's <c>usableAsActivity</c>) in the engine of one command.</summary>
internal static class WorkflowActivities
{
    public static bool IsUsableAsActivity(WorkflowDefinition definition) =>
        definition.Options.GetBoolean("usableAsActivity") == true;

    /// <summary>Registers the definition; null on success, else why it could not be registered.</summary>
    public static string? TryRegister(WorkflowEngine engine, WorkflowDefinition definition, string path)
    {
        try
        {
            engine.RegisterWorkflowActivity(definition);
            return null;
        }
        catch (InvalidOperationException exception)
        {
            // A workflow whose name Pascal-cases to a built-in type key cannot replace the built-in.
            return $"{path}: cannot be used as an activity: {exception.Message}";
        }
    }
}
