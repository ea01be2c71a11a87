using SfaFlow.Workflows.Plugins;

namespace SfaFlow.Workflows.Tests.Cli;

public sealed class PluginHashCommandTests : IDisposable
{
    private readonly WorkflowFiles _files = new();

    [Fact]
    public async Task PluginHash_PrintsWhatTheHostComputes_ForEachFolder()
    {
        var folder = Path.GetDirectoryName(_files.Write("plugin.json", """{"id": "Demo"}"""))!;
        _files.Write("Demo.dll", "not really a dll");

        var run = await CliRun.InvokeAsync("plugin-hash", folder);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"{PluginHash.Compute(folder)}  {folder}", run.Stdout.Trim());
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task PluginHash_MissingFolder_SaysSoAndExitsOne()
    {
        var missing = _files.Missing("nowhere");

        var run = await CliRun.InvokeAsync("plugin-hash", missing);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{missing}: folder not found", run.Stderr.Trim());
    }

    public void Dispose() => _files.Dispose();
}
