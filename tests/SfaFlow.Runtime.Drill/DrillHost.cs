using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SfaFlow.Data;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Runtime;

namespace SfaFlow.Runtime.Drill;

/// <summary>
/// A runtime process as a host runs it: the real clock, the real <see cref="Workflows.Runtime.Scheduling.WorkflowScheduler"/>
/// as a hosted service, SQLite with the default connection pooling and <c>synchronous=FULL</c>. Logs go to standard error.
/// </summary>
internal static class DrillHost
{
    /// <summary>
    /// Short, so that a restarted runtime takes over the killed one's leases and timer claims within seconds; but the live
    /// runtime renews its leases only every third of this, and on a machine busy with other builds and test runs a renewal
    /// (a write waiting for SQLite's lock) has come later than two seconds: a lease that short was lost while its run went on.
    /// </summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(10);

    public static IHost Build(string databaseFile, CommitStrategy commit, ITextSink sink)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.AddSingleton(sink);
        builder.Services.AddSfaFlowData();
        builder.Services.AddSfaFlowRuntime();
        builder.Services.Configure<DataOptions>(o => o.ConnectionString = $"Data Source={databaseFile}");
        builder.Services.Configure<RuntimeOptions>(o =>
        {
            o.LeaseDuration = LeaseDuration;
            o.PollInterval = TimeSpan.FromMilliseconds(50);
            o.CommitStrategy = commit;
            o.RunScheduler = true;
        });
        return builder.Build();
    }
}
