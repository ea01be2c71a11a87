using static SfaFlow.Workflows.Tests.Cli.TestWorkflows;

namespace SfaFlow.Workflows.Tests.Cli;

public sealed class RunTimerTests : IDisposable
{
    private readonly WorkflowFiles _files = new();

    private string DelayWorkflow => _files.Write("delay.json", Flowchart(
        [WriteLine("Before", "Before"), Delay("Wait", "1.00:00:00"), WriteLine("After", "After")],
        Connect("Before", "Wait"), Connect("Wait", "After")));

    [Fact]
    public async Task Run_Delay_FiresAtOnceAndFinishes()
    {
        var run = await CliRun.InvokeAsync("run", DelayWorkflow, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Before", "After"], run.JsonLines());
        Assert.Equal("Finished", run.Json().GetProperty("subStatus").GetString());
        Assert.Equal(0, run.Json().GetProperty("bookmarks").GetArrayLength());
    }

    [Fact]
    public async Task Run_DelayWithNoFastTimers_StaysSuspendedOnAnOpenDelayBookmark()
    {
        var started = DateTimeOffset.UtcNow;

        var run = await CliRun.InvokeAsync("run", DelayWorkflow, "--no-fast-timers", "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal(["Before"], run.JsonLines());
        Assert.Equal("Running", json.GetProperty("status").GetString());
        Assert.Equal("Suspended", json.GetProperty("subStatus").GetString());
        var bookmark = Assert.Single(json.GetProperty("bookmarks").EnumerateArray());
        Assert.Equal("Elsa.Delay", bookmark.GetProperty("type").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, bookmark.GetProperty("key").ValueKind);
        var due = DateTimeOffset.Parse(bookmark.GetProperty("due").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(due - started, TimeSpan.FromHours(23), TimeSpan.FromHours(25));
    }

    [Fact]
    public async Task Run_DelayWithNoFastTimers_ListsTheBookmarkInTheHumanReport()
    {
        var run = await CliRun.InvokeAsync("run", DelayWorkflow, "--no-fast-timers");

        Assert.Contains("Status: Running/Suspended", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Bookmarks:{Environment.NewLine}  Elsa.Delay due=", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TwoParallelDelays_FireEarliestDueFirst()
    {
        // The longer delay is created first, so only ordering by due time puts "Early" before "Late".
        var path = _files.Write("parallel.json", Flowchart(
            [Start(), Delay("Long", "02:00:00"), Delay("Short", "01:00:00"), WriteLine("Late", "Late"), WriteLine("Early", "Early")],
            Connect("Start1", "Long"), Connect("Start1", "Short"), Connect("Long", "Late"), Connect("Short", "Early")));

        var run = await CliRun.InvokeAsync("run", path, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Early", "Late"], run.JsonLines());
    }

    [Fact]
    public async Task Run_DelayStartedAfterAFiredTimer_IsDueRelativeToTheSimulatedTime()
    {
        // A waits 1h then 1h more (due at 2h); B waits 90 minutes. Only if the clock jumps to each timer's due time does B
        // come first: with the wall clock, A's second delay would be due about an hour from now, before B.
        var path = _files.Write("relative.json", Flowchart(
            [Start(), Delay("A1", "01:00:00"), Delay("A2", "01:00:00"), WriteLine("A", "A"), Delay("B1", "01:30:00"), WriteLine("B", "B")],
            Connect("Start1", "A1"), Connect("Start1", "B1"), Connect("A1", "A2"), Connect("A2", "A"), Connect("B1", "B")));

        var run = await CliRun.InvokeAsync("run", path, "--json");

        Assert.Equal(["B", "A"], run.JsonLines());
    }

    [Fact]
    public async Task Run_TimerLoopThatNeverEnds_StopsAtResumeLimitWithExitThree()
    {
        var path = _files.Write("loop.json", Flowchart(
            [Start(), Delay("Tick", "00:00:01")],
            Connect("Start1", "Tick"), Connect("Tick", "Tick")));

        var run = await CliRun.InvokeAsync("run", path, "--max-resumes", "25", "--json");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("Stopped after 25 resumes", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("Elsa.Delay", Assert.Single(run.Json().GetProperty("bookmarks").EnumerateArray()).GetProperty("type").GetString());
        Assert.Equal(26, run.Json().GetProperty("journal").EnumerateArray().Count(e => e.GetProperty("activityId").GetString() == "Tick"));
    }

    [Fact]
    public async Task Run_WhenNothingIsLeftToResume_NeverReportsTheResumeLimit()
    {
        var run = await CliRun.InvokeAsync("run", DelayWorkflow, "--no-fast-timers", "--max-resumes", "0");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
    }

    public void Dispose() => _files.Dispose();
}
