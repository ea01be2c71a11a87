using SfaFlow.Plugins.Activities;

namespace SfaFlow.Workflows.Execution;

/// <summary>Shared outcome lists, so completing an activity allocates nothing on the hot path.</summary>
internal static class Outcomes
{
    public static readonly string[] Done = [WorkflowActivity.DoneOutcome];

    public static readonly string[] True = ["True"];

    public static readonly string[] False = ["False"];

    public static readonly string[] None = [];
}
