using static SfaFlow.Workflows.Tests.Cli.TestWorkflows;

namespace SfaFlow.Workflows.Tests.Cli;

public sealed class RunEventTests : IDisposable
{
    private readonly WorkflowFiles _files = new();

    private string ApprovalWorkflow => _files.Write("approval.json", Flowchart(
        [Event("Event1", "Approved"), WriteLineScript("Thanks", "'Approved by ' + getOutputFrom('Event1', 'result').by")],
        Connect("Event1", "Thanks")));

    [Fact]
    public async Task Run_WithoutResumeEvent_LeavesTheEventBookmarkOpen()
    {
        var run = await CliRun.InvokeAsync("run", ApprovalWorkflow, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.JsonLines());
        Assert.Equal("Suspended", run.Json().GetProperty("subStatus").GetString());
        var bookmark = Assert.Single(run.Json().GetProperty("bookmarks").EnumerateArray());
        Assert.Equal("Elsa.Event", bookmark.GetProperty("type").GetString());
        Assert.Equal("Approved", bookmark.GetProperty("key").GetString());
    }

    [Fact]
    public async Task Run_ResumeEventWithPayload_LaterActivityReadsThePayload()
    {
        var run = await CliRun.InvokeAsync("run", ApprovalWorkflow, "--resume-event", "Approved", "--payload", """{"by":"Ada"}""", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Approved by Ada"], run.JsonLines());
        Assert.Equal("Finished", run.Json().GetProperty("subStatus").GetString());
    }

    [Fact]
    public async Task Run_ResumeEventNobodyWaitsFor_WarnsAndStaysSuspended()
    {
        var run = await CliRun.InvokeAsync("run", ApprovalWorkflow, "--resume-event", "Rejected");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No bookmark waits for event 'Rejected'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("  Elsa.Event key=Approved", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EventBehindADelay_FiresTheDelayThenTheEventThenTheDelayAfterIt()
    {
        var path = _files.Write("chain.json", Flowchart(
            [Delay("First", "00:10:00"), Event("Event1", "Go"), Delay("Second", "00:10:00"), WriteLineScript("Done", "'Go: ' + getOutputFrom('Event1', 'result')")],
            Connect("First", "Event1"), Connect("Event1", "Second"), Connect("Second", "Done")));

        var run = await CliRun.InvokeAsync("run", path, "--resume-event", "Go", "--payload", "\"now\"", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Go: now"], run.JsonLines());
        Assert.Equal("Finished", run.Json().GetProperty("status").GetString());
    }

    [Fact]
    public async Task Run_ResumeEventForAWorkflowThatFinishesFirst_WarnsThatItWasNotPublished()
    {
        var path = _files.Write("plain.json", Flowchart([WriteLine("Hello", "Hello")]));

        var run = await CliRun.InvokeAsync("run", path, "--resume-event", "Go");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("finished before event 'Go' was published", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
