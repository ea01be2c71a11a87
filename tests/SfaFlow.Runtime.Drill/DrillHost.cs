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
    /// Short, so that a restarted runtime takes over the killed one's leases and timer claims within seconds. The runtime
    /// does not renew a lease while it runs, so no run may take this long; the drill's runs take milliseconds.
    /// </summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(2);

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
