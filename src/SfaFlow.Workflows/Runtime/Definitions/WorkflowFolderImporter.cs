using Microsoft.Extensions.Logging;
using SfaFlow.Workflows.Definitions;

namespace SfaFlow.Workflows.Runtime.Definitions;

/// <summary>
/// Imports and publishes every <c>*.json</c> file of a folder (<c>workflows/</c> at startup). Idempotent: an unchanged
/// file creates no new version, a changed one the next version. A file with errors is reported and skipped; the others
/// still load.
/// </summary>
public sealed class WorkflowFolderImporter(WorkflowDefinitionManager definitions, ILogger<WorkflowFolderImporter> logger)
{
    public async Task<IReadOnlyList<FolderImportResult>> ImportAsync(string folder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            logger.LogInformation("No workflows folder at {Folder}; nothing to publish.", Path.GetFullPath(folder));
            return [];
        }

        var results = new List<FolderImportResult>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            results.Add(await ImportFileAsync(file, cancellationToken));
        }

        return results;
    }

    private async Task<FolderImportResult> ImportFileAsync(string file, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file);
        try
        {
            var definition = ElsaJsonReader.Read(await File.ReadAllBytesAsync(file, cancellationToken)).GetDefinitionOrThrow();
            var result = await definitions.ImportAsync(definition, publish: true, cancellationToken);
            logger.LogInformation("Workflow {File}: {Outcome}, {DefinitionId} v{Version} published.", name, result.Outcome, result.Definition.DefinitionId, result.Definition.Version);
            return new FolderImportResult(name, result, null);
        }
        catch (WorkflowDefinitionException exception)
        {
            logger.LogError("Workflow {File} was not published: {Problems}", name, exception.Message);
            return new FolderImportResult(name, null, exception.Diagnostics);
        }
    }
}

/// <summary>What importing one file did, or why it could not.</summary>
public sealed record FolderImportResult(string File, ImportResult? Result, IReadOnlyList<DefinitionDiagnostic>? Errors);
