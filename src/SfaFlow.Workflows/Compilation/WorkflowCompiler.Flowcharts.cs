using SfaFlow.Workflows.Definitions;

namespace SfaFlow.Workflows.Compilation;

internal sealed partial class WorkflowCompiler
{
    private sealed partial class Session
    {
        private FlowchartPlan CompileFlowchart(PlanNode flowchartNode, FlowchartContent content, string path, HashSet<string> outerVariables)
        {
            var variables = new HashSet<string>(outerVariables, StringComparer.Ordinal);
            variables.UnionWith(content.Variables.SelectMany(v => new[] { v.Id, v.Name }));

            var activities = content.Activities
                .Select((activity, i) => CompileNode(activity, flowchartNode, $"{flowchartNode.NodeId}:{activity.Id}", i, $"{path}.activities[{i}]", variables))
                .ToArray();
            var index = activities.Select((a, i) => (a.Id, i)).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
            var connections = content.Connections
                .Where(c => index.ContainsKey(c.Source.Activity) && index.ContainsKey(c.Target.Activity))
                .Select((c, i) => new ConnectionPlan { Connection = c, Index = i, Source = index[c.Source.Activity], Target = index[c.Target.Activity] })
                .ToArray();

            return new FlowchartPlan
            {
                Activities = activities,
                Connections = connections,
                Outbound = [.. activities.Select(a => connections.Where(c => c.Source == a.Ordinal).ToArray())],
                Inbound = [.. activities.Select(a => connections.Where(c => c.Target == a.Ordinal).ToArray())],
                Variables = content.Variables,
                DefaultStart = FindStart(activities, connections),
            };
        }

        /// <summary>
        /// Elsa's start rules after the trigger: the first <c>Elsa.Start</c>, else the first activity that can start the
        /// workflow, else the first without inbound connections, else the first. (The legacy <c>start</c> key is ignored, as
        /// in Elsa 3.6.)
        /// </summary>
        private static int FindStart(PlanNode[] activities, ConnectionPlan[] connections)
        {
            if (activities.Length == 0)
            {
                return -1;
            }

            var start = Array.FindIndex(activities, a => a.Type == "Elsa.Start");
            if (start < 0)
            {
                start = Array.FindIndex(activities, a => a.Node.CanStartWorkflow);
            }

            if (start < 0)
            {
                var targets = connections.Select(c => c.Target).ToHashSet();
                start = Array.FindIndex(activities, a => !targets.Contains(a.Ordinal));
            }

            return start < 0 ? 0 : start;
        }
    }
}
