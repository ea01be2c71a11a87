using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Workflows.Tests.Cli.TestWorkflows;

namespace SfaFlow.Workflows.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly WorkflowFiles _files = new();

    [Fact]
    public async Task Validate_WhenFileIsValid_PrintsOkAndExitsZero()
    {
        var path = Sample("import-and-execute--implicit-loop.json");

        var run = await CliRun.InvokeAsync("validate", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"{path}: OK", run.Stdout.Trim());
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Validate_WhenFileStartsWithByteOrderMark_ReadsIt()
    {
        var path = Sample("import-and-publish--timer-workflow.json");
        Assert.Equal(0xEF, File.ReadAllBytes(path)[0]);

        var run = await CliRun.InvokeAsync("validate", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{path}: OK", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WhenJsonIsMalformed_ReportsLineAndColumnAndExitsOne()
    {
        var path = _files.Write("malformed.json", "{\n  \"id\": \"broken\",\n  \"root\": {\n    \"type\": \"Elsa.Flowchart\",,\n  }\n}\n");

        var run = await CliRun.InvokeAsync("validate", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}: error at $.root: Malformed JSON", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("(line 4, column 30)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{path}: FAILED (1 error)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WhenScriptDoesNotParse_ReportsJsonPathAndScriptLineAndColumn()
    {
        var path = _files.Write("script.json", Flowchart([WriteLineScript("WriteLine1", @"let x = 1;\nlet y = ;")]));

        var run = await CliRun.InvokeAsync("validate", path);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Stdout.Split('\n'), l => l.Contains("error at", StringComparison.Ordinal));
        Assert.StartsWith($"{path}: error at $.root.activities[0].text.expression.value: ", line, StringComparison.Ordinal);
        Assert.EndsWith("(script line 2, column 9)", line.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WhenFileIsMissing_SaysSoAndExitsOne()
    {
        var path = _files.Missing("nowhere.json");

        var run = await CliRun.InvokeAsync("validate", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{path}: file not found", run.Stderr.Trim());
    }

    [Fact]
    public async Task Validate_WhenOneOfSeveralFilesFails_ReportsEveryFileAndExitsOne()
    {
        var good = Sample("import-and-execute--implicit-loop.json");
        var bad = _files.Write("bad.json", "[]");
        var missing = _files.Missing("missing.json");

        var run = await CliRun.InvokeAsync("validate", good, bad, missing);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{good}: OK", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{bad}: FAILED (1 error)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{missing}: file not found", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WhenParentIsGivenWithoutItsChild_WarnsAboutTheUnknownActivityButPasses()
    {
        var parent = Sample("wfdef-activities--parent-with-output.json");

        var run = await CliRun.InvokeAsync("validate", parent);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning at $.root.activities[0].type: Activity 'c98383464dab2047' has type 'ChildWithOutput', which no", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{parent}: OK (1 warning)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WhenChildIsGivenToo_ChildServesAsActivityWithoutWarning()
    {
        var parent = Sample("wfdef-activities--parent-with-output.json");
        var child = Sample("wfdef-activities--child-with-output.json");

        var run = await CliRun.InvokeAsync("validate", parent, child);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"{parent}: OK", $"{child}: OK"], run.Stdout.Trim().Split('\n').Select(l => l.TrimEnd()));
    }

    public void Dispose() => _files.Dispose();

    private static string Sample(string file) => Path.Combine(SharedFolder.ElsaSamples, file);
}
