using static SfaFlow.Workflows.Tests.Cli.TestWorkflows;

namespace SfaFlow.Workflows.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly WorkflowFiles _files = new();

    private string EchoWorkflow => _files.Write("echo.json", Flowchart(
        [WriteLineScript("Echo", "JSON.stringify(getInput('lead')) + ' ' + typeof getInput('count') + ' ' + getInput('name')")]));

    [Fact]
    public async Task Input_WhenValueIsJson_ReachesTheWorkflowAsJsonElseAsText()
    {
        var run = await CliRun.InvokeAsync(
            "run", EchoWorkflow, "--input", """lead={"score":70}""", "-i", "count=5", "-i", "name=Ada Lovelace", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["""{"score":70} number Ada Lovelace"""], run.JsonLines());
    }

    [Theory]
    [InlineData("--input", "lead")]
    [InlineData("--input", "=70")]
    [InlineData("--payload", "{}")]
    [InlineData("--flowchart-mode", "fast")]
    [InlineData("--max-resumes", "-1")]
    public async Task Run_WithBadOption_ExplainsAndExitsOne(string option, string value)
    {
        var run = await CliRun.InvokeAsync("run", EchoWorkflow, option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("Run 'sfaflow run --help' for usage.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Payload_WhenNotJson_SaysHowToQuoteText()
    {
        var run = await CliRun.InvokeAsync("run", EchoWorkflow, "--resume-event", "Go", "--payload", "{by:1}");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--payload is not valid JSON", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_GivenTwice_IsRejected()
    {
        var run = await CliRun.InvokeAsync("run", EchoWorkflow, "-i", "name=a", "-i", "Name=b");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--input 'Name' is given more than once.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ForRun_ListsEveryOption()
    {
        var run = await CliRun.InvokeAsync("run", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--input", "--resume-event", "--payload", "--flowchart-mode", "--no-fast-timers", "--max-resumes", "--workflow-activity", "--json" })
        {
            Assert.Contains(option, run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Help_AtTheTop_ListsBothCommands()
    {
        var run = await CliRun.InvokeAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("validate <files>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("run <file>", run.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
