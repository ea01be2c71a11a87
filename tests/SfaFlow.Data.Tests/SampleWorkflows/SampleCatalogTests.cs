using Microsoft.Extensions.Logging.Abstractions;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Runtime.Definitions;

namespace SfaFlow.Data.Tests.SampleWorkflows;

/// <summary>Every file in <c>workflows/</c> reads, compiles without warnings (no unknown activity types) and publishes.</summary>
public sealed class SampleCatalogTests
{
    [Fact]
    public async Task EveryWorkflowFile_ValidatesAndPublishes_WithItsFileNameAsDefinitionId()
    {
        await using var world = await SampleWorld.CreateAsync();
        var files = Directory.GetFiles(SampleWorld.Folder, "*.json").Order(StringComparer.Ordinal).ToList();
        Assert.Superset(new HashSet<string>(["lead-qualification.json", "opportunity-stage-gates.json", "stalled-deal-escalation.json", "won-deal-to-order.json"]),
            files.Select(Path.GetFileName).ToHashSet()!);

        foreach (var file in files)
        {
            var read = ElsaJsonReader.Read(await File.ReadAllBytesAsync(file));
            Assert.Empty(read.Diagnostics);
            var definition = read.GetDefinitionOrThrow();
            Assert.Equal(Path.GetFileNameWithoutExtension(file), definition.DefinitionId);
            Assert.Empty(world.Host.Get<WorkflowEngine>().Prepare(definition).Diagnostics);
        }

        var importer = new WorkflowFolderImporter(world.Host.Get<WorkflowDefinitionManager>(), NullLogger<WorkflowFolderImporter>.Instance);
        var results = await importer.ImportAsync(SampleWorld.Folder);

        Assert.Equal(files.Select(Path.GetFileName), results.Select(r => r.File));
        Assert.All(results, r => Assert.Null(r.Errors));
        Assert.All(results, r => Assert.NotNull(r.Result!.Definition.PublishedAt));
    }
}
