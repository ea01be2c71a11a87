using System.Diagnostics;
using SfaFlow.Workflows.Instances;

namespace SfaFlow.Workflows.Execution;

/// <summary>
/// The limits of one burst: how many activities it may execute and how long it may run before the engine stops it as a
/// probable loop. Checked between activities, so it costs a counter and a timestamp; an activity that itself runs long
/// is bound by its own limit (script time, HTTP timeout, plugin deadline).
/// </summary>
internal struct BurstBudget(int maxActivities, TimeSpan maxDuration, int journalStart)
{
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    private int _executed;

    public readonly int Executed => _executed;

    public void Count() => _executed++;

    /// <summary>Why the burst must stop now; null while it is within its budget.</summary>
    public readonly string? Exceeded()
    {
        if (_executed >= maxActivities)
        {
            return $"executed {_executed:N0} activities in one burst without waiting (the limit is {maxActivities:N0}, {WorkflowEngineOptions.SectionName}:{nameof(WorkflowEngineOptions.MaxActivitiesPerBurst)})";
        }

        var elapsed = Stopwatch.GetElapsedTime(_startedAt);
        return elapsed >= maxDuration
            ? $"ran for {elapsed.TotalSeconds:N1} s in one burst without waiting (the limit is {maxDuration.TotalSeconds:0.###} s, {WorkflowEngineOptions.SectionName}:{nameof(WorkflowEngineOptions.MaxBurstDuration)})"
            : null;
    }

    /// <summary>The activities this burst executed most, most first: where the loop is.</summary>
    public readonly IReadOnlyList<(JournalEntry Activity, int Count)> Hottest(WorkflowInstance instance, int take) =>
        [.. instance.Journal.Skip(journalStart)
            .GroupBy(entry => entry.ActivityId, StringComparer.Ordinal)
            .Select(group => (Activity: group.First(), Count: group.Count()))
            .OrderByDescending(pair => pair.Count)
            .Take(take)];
}
