using System.Diagnostics;
using System.Globalization;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using Xunit.Abstractions;

namespace SfaFlow.Data.Tests.CrashDrill;

/// <summary>
/// The crash drill: a real runtime process (tests/SfaFlow.Runtime.Drill) starts 1,000 instances that suspend on a short
/// timer, is killed with SIGKILL while it works through the due timers, and a restarted runtime process finishes every
/// instance exactly once: no instance lost, no journal entry duplicated, no committed effect applied twice.
/// </summary>
public sealed class CrashDrillTests(ITestOutputHelper output)
{
    private const int Count = 1000;

    // Killed once every instance has started and this many have finished: the drill's scheduler starts after the last
    // start, when the 1-second timers are (nearly) all due, and works through them in batches of 200. So at the kill it
    // holds claims on due timers it has not fired yet and, most of the time, the lease of the instance it is running,
    // and hundreds of instances still wait. The kill follows the line within milliseconds (see DrillProcess).
    private const int KillAfterFinished = 100;

    // Generous (these wait for conditions, they do not time them: on a machine busy with other builds and test runs a phase
    // has taken minutes), and longer than the restarted drill's own limit, so that a runtime that cannot finish says so in
    // its log.
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromMinutes(7);
    private const string DrillLimitSeconds = "360";

    // The drill workflow's activities (tests/SfaFlow.Runtime.Drill/DrillWorkflow.cs), its flowchart included.
    private static readonly string[] Activities = ["flowchart1", "start", "arm", "wait", "count", "step", "stamp", "done", "end"];

    [Theory(Timeout = 1_200_000)]
    [InlineData("OnSuspend")]
    [InlineData("PerActivity")]
    public async Task Sigkill_WhileTimersFire_RestartedRuntimeFinishesEveryInstanceExactlyOnce(string commitStrategy)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "sfaflow-drill", Guid.NewGuid().ToString("N"))).FullName;
        var database = Path.Combine(folder, "drill.db");
        var firstLines = Path.Combine(folder, "first.lines");
        var secondLines = Path.Combine(folder, "second.lines");
        try
        {
            await RunAndKillFirstRuntimeAsync(database, firstLines, commitStrategy);
            var atKill = await DrillDatabase.ReadInstancesAsync(database);
            var finishedAtKill = atKill.Where(r => r.Status == WorkflowStatus.Finished).Select(r => r.Id).ToHashSet();
            output.WriteLine($"At the kill: {atKill.Count} instances, {finishedAtKill.Count} finished, {atKill.Count(r => r.LeaseOwner is not null)} leased, " +
                $"{await DrillDatabase.CountAsync(database, "SELECT COUNT(*) FROM \"WorkflowBookmarks\" WHERE \"ClaimedBy\" IS NOT NULL")} timers claimed.");
            Assert.Equal(Count, atKill.Count);
            Assert.InRange(finishedAtKill.Count, 1, Count - 1);

            await RunRestartedRuntimeAsync(database, secondLines, commitStrategy);

            AssertCommittedExactlyOnce(await DrillDatabase.ReadInstancesAsync(database));
            Assert.Equal(0, await DrillDatabase.CountAsync(database, "SELECT COUNT(*) FROM \"WorkflowBookmarks\""));
            AssertLastStepRanOnceUnlessInFlight(finishedAtKill, DoneLines(firstLines), DoneLines(secondLines));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task RunAndKillFirstRuntimeAsync(string database, string lines, string commitStrategy)
    {
        var clock = Stopwatch.StartNew();
        var (started, finished) = (false, 0);
        using var first = DrillProcess.Start(line =>
        {
            started |= line == $"started {Count}";
            finished = Math.Max(finished, Finished(line));
            return started && finished >= KillAfterFinished;
        }, "start", database, lines, Count.ToString(CultureInfo.InvariantCulture), commitStrategy);
        var exitCode = await first.WaitForExitAsync(PhaseTimeout);
        output.WriteLine($"First runtime (pid {first.Id}): killed at '{first.KilledAt}' after {Count} started, {clock.Elapsed.TotalSeconds:0.0} s; exit code {exitCode}.");
        Assert.True(first.KilledAt is not null, $"The first runtime ended by itself before the kill (exit code {exitCode}). Its log:\n{first.Errors}");
        Assert.Equal(128 + 9, exitCode);
    }

    private async Task RunRestartedRuntimeAsync(string database, string lines, string commitStrategy)
    {
        var clock = Stopwatch.StartNew();
        using var second = DrillProcess.Start(killWhen: null, "run", database, lines, commitStrategy, DrillLimitSeconds);
        await second.WaitForLineAsync(line => line == "all finished", PhaseTimeout, "all instances finished");
        Assert.Equal(0, await second.WaitForExitAsync(PhaseTimeout));
        var recovered = second.Errors.Split('\n').Count(line => line.Contains("Recovering instance", StringComparison.Ordinal));
        output.WriteLine($"Restarted runtime (pid {second.Id}): all finished after {clock.Elapsed.TotalSeconds:0.0} s; {recovered} instance(s) recovered from a lease.");
    }

    /// <summary>The committed state: every instance started once, finished, and ran each activity exactly once.</summary>
    private static void AssertCommittedExactlyOnce(IReadOnlyList<DrillRow> rows)
    {
        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"drill-{i}").Order(), rows.Select(r => r.CorrelationId).Order());
        var problems = new List<string>();
        foreach (var row in rows)
        {
            var instance = row.Instance;
            var journal = instance.Journal;
            var hits = instance.Variables.GetValueOrDefault("Hits");
            var problem =
                row.Status != WorkflowStatus.Finished || row.SubStatus != WorkflowSubStatus.Finished ? $"ended {row.Status}/{row.SubStatus}" :
                row.LeaseOwner is not null || row.PendingStimulus is not null ? $"still leased by {row.LeaseOwner} ({row.PendingStimulus})" :
                !journal.Select(j => j.ActivityId).Order().SequenceEqual(Activities.Order()) ? $"journal {string.Join(",", journal.Select(j => j.ActivityId))}" :
                journal.Select(j => j.Sequence).Distinct().Count() != journal.Count ? "journal sequences repeat" :
                journal.Any(j => j.Status != ActivityStatus.Completed) ? "journal entry not completed" :
                Convert.ToInt64(hits, CultureInfo.InvariantCulture) != 1 ? $"Hits is {hits}: the step after the timer was committed {hits} times" :
                instance.Bookmarks.Count + instance.Contexts.Count + instance.PendingWork.Count + instance.Incidents.Count > 0 ? "left bookmarks, contexts, work or incidents" :
                null;
            if (problem is not null)
            {
                problems.Add($"{row.Id} ({row.CorrelationId}): {problem}");
            }
        }

        Assert.Empty(problems);
    }

    /// <summary>
    /// What the workflow did outside the database, from the <c>done &lt;id&gt;</c> lines its last step appended to each
    /// process's file. A step runs before its effects are committed, so a kill between running the last step and the
    /// commit makes the restarted runtime run it again from the last commit: execution is at least once, committed effects
    /// exactly once (as with Elsa and every durable engine without two-phase commit to the outside world). So: an instance
    /// finished in the database at the kill never ran again; every instance ran its last step once, except those that ran
    /// it in the killed process without committing, which may have run it twice. The scheduler fires the timers of up to
    /// <see cref="RuntimeOptions.MaxConcurrentRuns"/> instances at a time, so at most that many can be in that window.
    /// </summary>
    private void AssertLastStepRanOnceUnlessInFlight(HashSet<string> finishedAtKill, List<string> first, List<string> second)
    {
        var inFlight = first.Where(id => !finishedAtKill.Contains(id)).ToHashSet();
        output.WriteLine($"Last step: {first.Count} times in the killed runtime, {second.Count} in the restarted one; in flight at the kill: {inFlight.Count}.");
        Assert.InRange(inFlight.Count, 0, new RuntimeOptions().MaxConcurrentRuns);
        Assert.Subset(first.ToHashSet(), finishedAtKill);
        Assert.DoesNotContain(second, finishedAtKill.Contains);
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.Equal(second.Count, second.Distinct().Count());

        var runs = first.Concat(second).CountBy(id => id).ToDictionary();
        Assert.Equal(Count, runs.Count);
        Assert.All(runs, run => Assert.InRange(run.Value, 1, inFlight.Contains(run.Key) ? 2 : 1));
    }

    private static List<string> DoneLines(string file) =>
        File.Exists(file) ? [.. File.ReadLines(file).Where(line => line.StartsWith("done ", StringComparison.Ordinal)).Select(line => line[5..])] : [];

    private static int Finished(string line) =>
        line.StartsWith("finished ", StringComparison.Ordinal) ? int.Parse(line[9..], CultureInfo.InvariantCulture) : 0;
}
