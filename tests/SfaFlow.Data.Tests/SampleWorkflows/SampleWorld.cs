using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Data.Outbox;
using SfaFlow.Data.Tests.SalesWorkflows;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Mail;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Runtime.Definitions;

namespace SfaFlow.Data.Tests.SampleWorkflows;

/// <summary>
/// The sales services, the runtime and the outbox (the test drives the dispatcher) with the rule-test organization, and
/// sample workflows published from the repository's <c>workflows/</c> folder as the host publishes them.
/// </summary>
internal sealed class SampleWorld : IAsyncDisposable
{
    private SampleWorld(SalesHost host, SalesScenario scenario) => (Host, Scenario) = (host, scenario);

    /// <summary>The repository's <c>workflows/</c> folder, the one the host publishes at startup.</summary>
    public static string Folder
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SfaFlow.sln")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException($"SfaFlow.sln not found above {AppContext.BaseDirectory}."), "workflows");
        }
    }

    public SalesHost Host { get; }

    public SalesScenario Scenario { get; }

    public static async Task<SampleWorld> CreateAsync(params string[] files)
    {
        var host = await SalesHost.CreateAsync(services =>
        {
            services.AddSfaFlowOutbox();
            services.Configure<OutboxOptions>(o => o.RunDispatcher = false);
            // Mail from the samples goes to a folder of this world's own, never under the test's working directory.
            services.Configure<MailOptions>(o => o.PickupFolder = Path.Combine(Path.GetTempPath(), $"sfaflow-samples-mail-{Guid.NewGuid():N}"));
        });
        var world = new SampleWorld(host, await SalesScenario.CreateAsync(host));
        foreach (var file in files)
        {
            var definition = ElsaJsonReader.Read(await File.ReadAllBytesAsync(Path.Combine(Folder, file))).GetDefinitionOrThrow();
            await host.Get<WorkflowDefinitionManager>().ImportAsync(definition, publish: true);
        }

        return world;
    }

    /// <summary>Hands the committed events to the runtime (and completed tasks to their workflows), as the dispatcher does.</summary>
    public Task DispatchAsync() => Host.Get<OutboxDispatcher>().DispatchPendingAsync();

    public Task<IReadOnlyList<WorkflowInstance>> InstancesAsync(string definitionId) => new TriggerWorld(Host).InstancesAsync(definitionId);

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
