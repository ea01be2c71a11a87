using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SfaFlow.Data;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Definitions;
using SfaFlow.Workflows.Runtime.Instances;

namespace SfaFlow.Runtime.Drill;

/// <summary>The drill's two modes: the first runtime (starts the instances) and a restarted one (only finishes them).</summary>
internal static class DrillCommands
{
    public static async Task<int> StartAsync(string databaseFile, string lineFile, int count, CommitStrategy commit)
    {
        using var sink = new LineFileSink(lineFile);
        using var host = DrillHost.Build(databaseFile, commit, sink);
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await host.Services.GetRequiredService<WorkflowDefinitionManager>().ImportAsync(DrillWorkflow.Create(), publish: true);

        // All instances are started (each suspends on its timer) before the scheduler runs, so that their timers come due
        // together and the scheduler is working through a backlog when the test kills it: claims on due timers it has not
        // fired yet, and the lease of the instance it is running. (Starting while the scheduler runs would also meet a
        // runtime bug, tests/SfaFlow.Data.Tests/CrashDrill/LeaseExpiryTests.cs, when a start outlives its lease.)
        var runtime = host.Services.GetRequiredService<WorkflowRuntime>();
        for (var i = 0; i < count; i++)
        {
            await runtime.StartAsync(DrillWorkflow.DefinitionId, new StartRequest { CorrelationId = CorrelationId(i) });
            if ((i + 1) % 100 == 0 || i + 1 == count)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"started {i + 1}"));
            }
        }

        await host.StartAsync();
        // The test kills it long before; the limit only ends a drill whose test is gone.
        return await WaitUntilAllFinishedAsync(host, TimeSpan.FromMinutes(6));
    }

    public static async Task<int> RunAsync(string databaseFile, string lineFile, CommitStrategy commit, TimeSpan timeout)
    {
        using var sink = new LineFileSink(lineFile);
        using var host = DrillHost.Build(databaseFile, commit, sink);
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();

        // The hosted scheduler recovers what a dead runtime left (expired leases, expired timer claims) and fires due timers.
        await host.StartAsync();
        return await WaitUntilAllFinishedAsync(host, timeout);
    }

    /// <summary>The drill's correlation ids, one per started instance: the test checks each was started exactly once.</summary>
    public static string CorrelationId(int index) => string.Create(CultureInfo.InvariantCulture, $"drill-{index}");

    private static async Task<int> WaitUntilAllFinishedAsync(IHost host, TimeSpan timeout)
    {
        var store = host.Services.GetRequiredService<IWorkflowInstanceStore>();
        var started = Stopwatch.StartNew();
        while ((await store.ListAsync(new InstanceQuery(PageSize: 1, Status: WorkflowStatus.Running))).Total > 0)
        {
            if (started.Elapsed > timeout)
            {
                await Console.Error.WriteLineAsync($"Timed out after {timeout.TotalSeconds:0} s with instances still running.");
                await host.StopAsync();
                return 2;
            }

            await Task.Delay(200);
        }

        await host.StopAsync();
        Console.Out.WriteLine("all finished");
        return 0;
    }
}
