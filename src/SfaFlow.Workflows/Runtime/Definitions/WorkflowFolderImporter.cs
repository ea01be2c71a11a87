using Microsoft.Extensions.Logging;
using SfaFlow.Workflows.Definitions;

namespace SfaFlow.Workflows.Runtime.Definitions;

/// <summary>
/// Seeds the definitions of every <c>*.json</c> file of a folder (<c>workflows/</c> at startup) through
/// <see cref="WorkflowDefinitionManager.SeedAsync"/>: a new file is imported and published, an unchanged one writes nothing,
/// a changed one becomes the next version unless someone saved or published a later version than the file's, which is
/// kept (with a warning naming both). A file with errors is reported and skipped; the others still load. Warnings, such
/// as an activity type that no built-in activity or loaded plugin provides, are logged with the file's name.
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
            var result = await definitions.SeedAsync(definition, name, cancellationToken);
            Log(name, result);
            return new FolderImportResult(name, result, null);
        }
        catch (WorkflowDefinitionException exception)
        {
            logger.LogError("Workflow {File} was not published: {Problems}", name, exception.Message);
            return new FolderImportResult(name, null, exception.Diagnostics);
        }
    }

    private void Log(string name, ImportResult result)
    {
        var definition = result.Definition;
        if (result is { Outcome: ImportOutcome.Kept, FileVersion: { } imported })
        {
            logger.LogWarning(
                "Workflow {File} changed since it was imported as v{FileVersion}, but {DefinitionId} v{Version} ({State}) was saved after that by someone else: " +
                "it is kept and the file was not imported. To replace it, import the file (POST /api/workflow-definitions/import).",
                name, imported.Version, definition.DefinitionId, definition.Version, definition.State);
        }
        else if (result.Outcome == ImportOutcome.Kept)
        {
            logger.LogWarning(
                "Workflow {File} defines {DefinitionId}, whose v{Version} ({State}) was not imported from this file: it is kept and the file was not imported. " +
                "To replace it, import the file (POST /api/workflow-definitions/import).",
                name, definition.DefinitionId, definition.Version, definition.State);
        }
        else
        {
            logger.LogInformation("Workflow {File}: {Outcome}, {DefinitionId} v{Version} {State}.", name, result.Outcome, definition.DefinitionId,
                definition.Version, definition.State);
        }

        // Those of the version that runs: a plugin that stopped loading since the file was imported shows here on every start.
        foreach (var warning in result.Warnings)
        {
            logger.LogWarning("Workflow {File} ({DefinitionId}): {Warning}", name, definition.DefinitionId, warning);
        }
    }
}

/// <summary>What importing one file did, or why it could not.</summary>
public sealed record FolderImportResult(string File, ImportResult? Result, IReadOnlyList<DefinitionDiagnostic>? Errors);
