using Microsoft.Extensions.Options;
using SfaFlow.Data;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Plugins;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Definitions;

namespace SfaFlow.Web;

/// <summary>
/// Brings the database and the workflows up before anything else starts: migrates the database, makes published
/// usable-as-activity workflows available as activities, loads the plugins (so that workflows using their activities
/// compile; a failing plugin is logged and listed by <c>GET /api/plugins</c>), and imports and publishes the workflows folder.
/// </summary>
internal sealed class SfaFlowStartup(
    DatabaseMigrator migrator,
    PluginManager plugins,
    WorkflowDefinitionManager definitions,
    WorkflowFolderImporter importer,
    WorkflowEngine engine,
    IOptions<RuntimeOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await RegisterWorkflowActivitiesAsync(cancellationToken);
        plugins.LoadAll();
        await importer.ImportAsync(options.Value.WorkflowsFolder, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RegisterWorkflowActivitiesAsync(CancellationToken cancellationToken)
    {
        for (var page = 1; ; page++)
        {
            var published = await definitions.ListAsync(new DefinitionQuery(page, 500, State: DefinitionState.Published), cancellationToken);
            foreach (var latest in published.Items)
            {
                var version = await definitions.FindAsync(latest.DefinitionId, VersionSelector.PublishedVersion, cancellationToken);
                if (version?.ToDefinition() is { } definition && definition.Options.GetBoolean("usableAsActivity") == true)
                {
                    engine.RegisterWorkflowActivity(definition);
                }
            }

            if (page * 500 >= published.Total)
            {
                return;
            }
        }
    }
}
