using SfaFlow.Workflows.Definitions;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Runtime.Drill;

/// <summary>
/// The drill's workflow: it suspends on a short timer, then runs a few steps. <c>Hits</c> is incremented once after the
/// timer, so a committed effect applied twice shows in the final state; the last step writes <c>done &lt;instance id&gt;</c>
/// to the drill's line file.
/// </summary>
internal static class DrillWorkflow
{
    public const string DefinitionId = "crash-drill";

    /// <summary>Every activity of the definition, the flowchart included: each must be in a finished instance's journal once.</summary>
    public static IReadOnlyList<string> ActivityIds { get; } = ["flowchart1", "start", "arm", "wait", "count", "step", "stamp", "done", "end"];

    public static WorkflowDefinition Create()
    {
        var json = Json(
            [
                Start(),
                SetVariable("arm", "Hits", Js("0", "Int32")),
                Delay("wait", "00:00:01"),
                SetVariable("count", "Hits", Js("getVariable('Hits') + 1", "Int32")),
                WriteLineJs("step", "'step ' + getWorkflowInstanceId()"),
                SetVariable("stamp", "Stamp", Js("'stamped ' + getCorrelationId()", "String")),
                WriteLineJs("done", "'done ' + getWorkflowInstanceId()"),
                End(),
            ],
            [Connect("start", "arm"), Connect("arm", "wait"), Connect("wait", "count"), Connect("count", "step"), Connect("step", "stamp"),
             Connect("stamp", "done"), Connect("done", "end")],
            [Variable("Hits", "Int32"), Variable("Stamp", "String")]);
        var definition = ElsaJsonReader.Read(json).GetDefinitionOrThrow();
        return definition with { Id = $"{DefinitionId}-v1", DefinitionId = DefinitionId, Name = "Crash drill" };
    }
}
