using System.Text.Json.Nodes;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Data.Tests.WorkflowTasks;

/// <summary>Workflows around one Sfa.CreateTask: each outcome port and TimedOut writes its name.</summary>
internal static class TaskFlows
{
    public static string CallBack(JsonObject? extra = null)
    {
        var inputs = new JsonObject
        {
            ["subject"] = Literal("Call back"),
            ["outcomes"] = ObjectJson("""["Interested", "Not interested"]""", "String[]"),
        };
        foreach (var (key, value) in extra ?? [])
        {
            inputs[key] = value?.DeepClone();
        }

        return Json(
            [Activity("task", "Sfa.CreateTask", inputs), WriteLine("yes", "interested"), WriteLine("no", "not interested"), WriteLine("late", "timed out")],
            [Connect("task", "yes", "Interested"), Connect("task", "no", "Not interested"), Connect("task", "late", "TimedOut")]);
    }
}
