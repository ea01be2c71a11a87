using SfaFlow.Plugins.Tests.Support;
using SfaFlow.Workflows.Plugins;

namespace SfaFlow.Plugins.Tests;

/// <summary>The allow-list hash: defined over what runs, and the same for one commit wherever it is built.</summary>
public sealed class PluginHashTests
{
    [Fact]
    public void Hash_IgnoresDebugSymbols_AndCoversEveryOtherFile()
    {
        using var host = new PluginTestHost();
        var folder = host.Add();
        var shipped = PluginHash.Compute(folder);
        var pdb = Assert.Single(Directory.GetFiles(folder, "SfaFlow.TestPlugins.Good.pdb"));

        File.Delete(pdb);
        var withoutSymbols = PluginHash.Compute(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not part of the build");
        var withAnExtraFile = PluginHash.Compute(folder);

        Assert.Equal(shipped, withoutSymbols);
        Assert.NotEqual(shipped, withAnExtraFile);
    }

    [Fact(Timeout = 600_000)]
    public async Task Build_OneCommitInTwoFolders_GivesTheSameHash()
    {
        using var here = new PluginBuild();
        using var there = new PluginBuild();

        var first = await here.BuildAsync("SfaFlow.Plugins.StrategyFit", "Release", TimeSpan.FromMinutes(4));
        var second = await there.BuildAsync("SfaFlow.Plugins.StrategyFit", "Release", TimeSpan.FromMinutes(4));

        Assert.NotEqual(first, second);
        Assert.Equal(PluginHash.Compute(first), PluginHash.Compute(second));
    }
}
