using SfaFlow.Benchmarks.Lead;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Benchmarks.Flowchart;

internal sealed partial class LeadFlowchart
{
    // Activity ids in lead-qualification.json: everything but the nurture step (…04) runs for the benchmark lead.
    private static readonly string[] ExecutedActivityIds =
    [
        "a1f0000000000001", "a1f0000000000002", "a1f0000000000003", "a1f0000000000005", "a1f0000000000006",
        "a1f0000000000007", "a1f0000000000008", "a1f0000000000009", "a1f000000000000a",
    ];

    private const string NurtureActivityId = "a1f0000000000004";

    /// <summary>
    /// Runs one instance and throws unless it ran to the end down the expected path: a benchmark of a flow that stopped
    /// early, faulted or took the short branch would measure the wrong thing.
    /// </summary>
    public async Task VerifyAsync()
    {
        foreach (var condition in LeadScenario.Conditions)
        {
            Check(Json.Contains(condition, StringComparison.Ordinal), $"the flowchart has no condition '{condition}'");
        }

        _sink.Reset();
        var instance = await RunAsync();
        Check(instance.Status == WorkflowStatus.Finished && instance.SubStatus == WorkflowSubStatus.Finished,
            $"status {instance.Status}/{instance.SubStatus}, incidents: {string.Join("; ", instance.Incidents.Select(i => i.Message))}");
        Check(Equals(instance.Variables["5f1c2a9e0b7d4e31"], LeadScenario.Rating), "Rating was not set");
        Check(Equals(instance.Variables["8a3d6c1f2e9b4a70"], LeadScenario.Territory), "Territory was not set");
        Check(Equals(instance.Variables["c47e9b205d1a6f83"], LeadScenario.Segment), "Segment was not set");
        Check(_sink.Count == 1 && _sink.LastLine == LeadScenario.RouteLine, $"{_sink.Count} lines written, last '{_sink.LastLine}'");

        var executed = instance.Journal.Where(e => e.Status == ActivityStatus.Completed).Select(e => e.ActivityId).ToHashSet();
        var missing = ExecutedActivityIds.Where(id => !executed.Contains(id)).ToList();
        Check(missing.Count == 0, $"activities never completed: {string.Join(", ", missing)}");
        Check(!executed.Contains(NurtureActivityId), "the nurture branch ran for a qualified lead");
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"The SfaFlow lead flowchart did not run as expected: {problem}.");
        }
    }
}
