using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Benchmarks.Lead;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace SfaFlow.Benchmarks.Peer;

internal sealed partial class WorkflowCorePeer
{
    private static readonly string[] ExecutedSteps =
        ["Start1", "ScoreCheck", "SetRating", "RegionCheck", "SetTerritory", "SizeCheck", "SetSegment", "RouteToSales", "End1"];

    /// <summary>Runs one instance and throws unless it completed down the same path as the SfaFlow flowchart.</summary>
    public async Task VerifyAsync(ILeadConditions conditions)
    {
        var (id, data) = await RunAsync(conditions);
        var instance = await _services.GetRequiredService<IPersistenceProvider>().GetWorkflowInstance(id);
        Check(instance.Status == WorkflowStatus.Complete, $"status {instance.Status}");
        Check(data.Rating == LeadScenario.Rating && data.Territory == LeadScenario.Territory && data.Segment == LeadScenario.Segment,
            $"assigned {data.Rating}/{data.Territory}/{data.Segment}");
        Check(data.LineCount == 1 && data.LastLine == LeadScenario.RouteLine, $"{data.LineCount} lines written, last '{data.LastLine}'");

        var completed = instance.ExecutionPointers.Where(p => p.Status == PointerStatus.Complete).Select(p => p.StepName).ToList();
        Check(completed.Order(StringComparer.Ordinal).SequenceEqual(ExecutedSteps.Order(StringComparer.Ordinal)),
            $"completed steps {string.Join(", ", completed)}");
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"The WorkflowCore lead flow did not run as expected: {problem}.");
        }
    }
}
