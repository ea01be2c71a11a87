using System.Runtime.CompilerServices;
using SfaFlow.Plugins.Tests.Support;
using SfaFlow.Workflows.Plugins;
using SfaFlow.Workflows.Tests.Support;

namespace SfaFlow.Plugins.Tests;

/// <summary>The SDK's own dependencies, the solution's sample plugins, and unloading without leaks.</summary>
public sealed class PluginContractTests
{
    [Fact]
    public void Sdk_ReferencesOnlySystemAndExtensionsAbstractions()
    {
        var references = typeof(ISfaFlowPlugin).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(
            name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "netstandard" or "mscorlib" ||
            (name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && name.EndsWith(".Abstractions", StringComparison.Ordinal)),
            $"SfaFlow.Plugins.Abstractions references {name}."));
    }

    [Fact]
    public void SamplePlugins_EveryProjectInPluginsIsBuiltAndLoads()
    {
        var projects = Directory.GetDirectories(Path.Combine(SharedFolder.RepositoryRoot, "plugins"))
            .Where(d => Directory.EnumerateFiles(d, "*.csproj").Any())
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToList();
        using var host = new PluginTestHost();
        foreach (var project in projects)
        {
            host.Add(project!);
        }

        var infos = host.Plugins.LoadAll();

        Assert.Equal(projects, infos.Select(i => Path.GetFileName(i.Folder)).Order(StringComparer.Ordinal));
        Assert.All(infos, info => Assert.True(info.State == PluginState.Loaded, $"{info.Id}: {info.Reason}"));
        Assert.All(infos, info => Assert.All(info.Activities, key => Assert.NotNull(host.Engine.Engine.Activities.Find(key))));
    }

    [Fact]
    public void LoadUnload_HundredCycles_FreesTheContextAndLeavesMemoryFlat()
    {
        using var host = new PluginTestHost();
        var folder = host.Add();
        for (var i = 0; i < 5; i++)
        {
            Cycle(host, folder);
        }

        var before = SettledMemory();
        var context = LoadAndUnloadKeepingOnlyAWeakReference(host, folder);
        for (var i = 1; i < 100; i++)
        {
            Cycle(host, folder);
        }

        var after = SettledMemory();
        Assert.False(context.IsAlive, "The first measured load context was not collected after unloading.");
        Assert.True(after - before < 5 * 1024 * 1024, $"Memory grew by {(after - before) / 1024} KB over 100 load/unload cycles.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Cycle(PluginTestHost host, string folder)
    {
        Assert.Equal(PluginState.Loaded, host.Plugins.Load(folder).State);
        host.Plugins.Unload(folder);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LoadAndUnloadKeepingOnlyAWeakReference(PluginTestHost host, string folder)
    {
        host.Plugins.Load(folder);
        var context = new WeakReference(host.Plugins.Find("Good")!.Loader.LoadContext);
        host.Plugins.Unload(folder);
        return context;
    }

    private static long SettledMemory()
    {
        for (var i = 0; i < 10; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
