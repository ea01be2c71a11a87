using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Workflows.Tests.Cli.TestWorkflows;

namespace SfaFlow.Workflows.Tests.Cli;

public sealed class RunCommandTests : IDisposable
{
    private readonly WorkflowFiles _files = new();

    [Fact]
    public async Task RunJson_ImplicitLoopSample_PrintsOneObjectWithLinesInOrderAndFinished()
    {
        var run = await CliRun.InvokeAsync("run", Sample("import-and-execute--implicit-loop.json"), "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal(["Do something", "Retry", "Do something", "Done"], run.JsonLines());
        Assert.Equal("Finished", json.GetProperty("status").GetString());
        Assert.Equal("Finished", json.GetProperty("subStatus").GetString());
        Assert.Equal(2, json.GetProperty("variables").GetProperty("Counter").GetInt32());
        Assert.Equal(0, json.GetProperty("bookmarks").GetArrayLength());
        Assert.Equal(0, json.GetProperty("incidents").GetArrayLength());
        var decisions = json.GetProperty("journal").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "Elsa.FlowDecision")
            .Select(e => e.GetProperty("outcome").GetString());
        Assert.Equal(["False", "True"], decisions);
    }

    [Fact]
    public async Task Run_ImplicitLoopSample_PrintsLinesThenStatus()
    {
        var run = await CliRun.InvokeAsync("run", Sample("import-and-execute--implicit-loop.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            ["Do something", "Retry", "Do something", "Done", "", "Status: Finished/Finished", "Variables:", "  Counter = 2"],
            run.Stdout.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public async Task Run_WithInput_ChildWithInputSampleWritesTheMessage()
    {
        var run = await CliRun.InvokeAsync(
            "run", Sample("wfdef-activities--child-with-input.json"), "--input", "Message=Hello from parent!", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Hello from parent!"], run.JsonLines());
    }

    [Fact]
    public async Task Run_TokenMode_StreamMergeWritesAThenC()
    {
        var run = await CliRun.InvokeAsync(
            "run", Sample("join-behaviors--fork-decision-join-none.json"), "--flowchart-mode", "token", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["A", "C"], run.JsonLines());
    }

    [Fact]
    public async Task Run_FlowchartMode_DecidesWhetherMergeWaitsForUntakenBranch()
    {
        var file = Sample("join-behaviors--fork-decision-join-converge.json");

        var counter = await CliRun.InvokeAsync("run", file, "--flowchart-mode", "counter", "--json");
        var token = await CliRun.InvokeAsync("run", file, "--flowchart-mode", "token", "--json");

        Assert.Equal(["A", "C"], counter.JsonLines());
        Assert.Equal(["A"], token.JsonLines());
    }

    [Fact]
    public async Task Run_WhenWorkflowFaults_ReportsIncidentAndExitsTwo()
    {
        var run = await CliRun.InvokeAsync("run", Sample("join-behaviors--fork-decision-join-waitall.json"), "--flowchart-mode", "token", "--json");

        Assert.Equal(2, run.ExitCode);
        var json = run.Json();
        Assert.Equal("Faulted", json.GetProperty("subStatus").GetString());
        var incident = Assert.Single(json.GetProperty("incidents").EnumerateArray());
        Assert.Equal("that went south", incident.GetProperty("message").GetString());
        Assert.False(string.IsNullOrEmpty(incident.GetProperty("activityId").GetString()));
    }

    [Fact]
    public async Task Run_WithWorkflowActivity_ParentRunsTheChildAndReadsItsOutput()
    {
        var run = await CliRun.InvokeAsync(
            "run", Sample("wfdef-activities--parent-with-output.json"),
            "--workflow-activity", Sample("wfdef-activities--child-with-output.json"), "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Received from child: Child output value"], run.JsonLines());
    }

    [Fact]
    public async Task Run_SetOutputSample_ListsTheOutput()
    {
        var run = await CliRun.InvokeAsync("run", Sample("wfdef-activities--child-with-output.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Outputs:{Environment.NewLine}  Output = \"Child output value\"", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WhenDefinitionIsInvalid_PrintsLocatedErrorsToStderrAndExitsOne()
    {
        var path = _files.Write("invalid.json", Flowchart([WriteLineScript("WriteLine1", "1 +")]));

        var run = await CliRun.InvokeAsync("run", path, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains($"{path}: error at $.root.activities[0].text.expression.value:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("(script line 1, column", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WhenFileIsMissing_SaysSoAndExitsOne()
    {
        var path = _files.Missing("missing.json");

        var run = await CliRun.InvokeAsync("run", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: {path}: file not found", run.Stderr.Trim());
    }

    public void Dispose() => _files.Dispose();

    private static string Sample(string file) => Path.Combine(SharedFolder.ElsaSamples, file);
}
