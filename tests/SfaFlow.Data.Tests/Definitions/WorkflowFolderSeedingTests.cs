using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Runtime.Definitions;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Data.Tests.Definitions;

/// <summary>
/// The workflows folder seeds its definitions once: each start runs the folder import again, as a restarted host does, on
/// the same database; an admin's versions are never replaced by a file, changed or not.
/// </summary>
public sealed class WorkflowFolderSeedingTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sfaflow-seed-").FullName;
    private readonly RecordingLoggerProvider _log = new();
    private RuntimeHost _host = null!;

    private static string Greeting(string text) => Json([Start(), WriteLine("say", text)], [Connect("start", "say")]);

    private static WorkflowDefinition Edited(string text) => ElsaJsonReader.Read(Greeting(text)).GetDefinitionOrThrow();

    public async Task InitializeAsync() => _host = await RuntimeHost.CreateAsync(services: s => s.AddSingleton<ILoggerProvider>(_log));

    [Fact]
    public async Task Restart_AfterAnAdminPublishedV2_KeepsV2Published_AndWritesNothing()
    {
        WriteFile(Greeting("from the file"));
        await StartAsync();
        await _host.Definitions.SaveDraftAsync(Edited("the admin's"));
        await _host.Definitions.PublishAsync("test");

        var restart = await StartAsync();

        Assert.Equal(ImportOutcome.Unchanged, restart.Outcome);
        var versions = await _host.Definitions.ListVersionsAsync("test");
        Assert.Equal([(1, DefinitionState.Retired), (2, DefinitionState.Published)], versions.Select(v => (v.Version, v.State)));
        Assert.Contains("the admin's", versions[1].Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedFile_AfterAnAdminPublishedV2_IsNotImported_AndTheWarningNamesTheFileAndTheAdminsVersion()
    {
        WriteFile(Greeting("from the file"));
        await StartAsync();
        await _host.Definitions.SaveDraftAsync(Edited("the admin's"));
        await _host.Definitions.PublishAsync("test");
        WriteFile(Greeting("the file, changed"));

        var restart = await StartAsync();

        Assert.Equal((ImportOutcome.Kept, 2, 1), (restart.Outcome, restart.Definition.Version, restart.FileVersion!.Version));
        Assert.Equal(2, (await _host.Definitions.ListVersionsAsync("test")).Count);
        var warning = Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(
            "Workflow test.json changed since it was imported as v1, but test v2 (Published) was saved after that by someone else: it is kept and the file " +
            "was not imported. To replace it, import the file (POST /api/workflow-definitions/import).",
            warning.Message);
    }

    [Fact]
    public async Task ChangedFile_AfterAnAdminSavedADraft_KeepsTheDraft()
    {
        WriteFile(Greeting("from the file"));
        await StartAsync();
        await _host.Definitions.SaveDraftAsync(Edited("the admin's work in progress"));
        WriteFile(Greeting("the file, changed"));

        var restart = await StartAsync();

        Assert.Equal((ImportOutcome.Kept, 2, DefinitionState.Draft), (restart.Outcome, restart.Definition.Version, restart.Definition.State));
        var draft = (await _host.Definitions.FindAsync("test", VersionSelector.Latest))!;
        Assert.Contains("the admin's work in progress", draft.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedFile_WithNoLaterVersion_BecomesTheNextPublishedVersion_AndThenCountsAsTheFiles()
    {
        WriteFile(Greeting("from the file"));
        await StartAsync();
        WriteFile(Greeting("the file, changed"));

        var changed = await StartAsync();
        var again = await StartAsync();

        Assert.Equal((ImportOutcome.NewVersion, 2, DefinitionState.Published), (changed.Outcome, changed.Definition.Version, changed.Definition.State));
        Assert.Equal((ImportOutcome.Unchanged, 2), (again.Outcome, again.Definition.Version));
        Assert.All(await _host.Definitions.ListVersionsAsync("test"), v => Assert.Equal("test.json", v.SourceFile));
    }

    [Fact]
    public async Task UnchangedFile_AfterAnAdminRetractedIt_StaysRetracted()
    {
        WriteFile(Greeting("from the file"));
        await StartAsync();
        await _host.Definitions.RetractAsync("test");

        var restart = await StartAsync();

        Assert.Equal(ImportOutcome.Unchanged, restart.Outcome);
        Assert.Equal(DefinitionState.Retired, Assert.Single(await _host.Definitions.ListVersionsAsync("test")).State);
    }

    [Fact]
    public async Task NewFile_ForADefinitionAnAdminCreated_KeepsTheAdminsAndSaysTheFileWasNotImported()
    {
        await _host.Definitions.ImportAsync(Edited("made through the API"), publish: true);
        WriteFile(Greeting("from the file"));

        var start = await StartAsync();

        Assert.Equal((ImportOutcome.Kept, 1), (start.Outcome, start.Definition.Version));
        Assert.Null(start.FileVersion);
        Assert.Contains("Workflow test.json defines test, whose v1 (Published) was not imported from this file: it is kept",
            Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefinitionSeededBeforeVersionsRememberedTheirFile_AdoptsIt_SoALaterChangeOfTheFileCounts()
    {
        // What the startup import wrote before it recorded the file: a version without one, with the file's content.
        await _host.Definitions.ImportAsync(Edited("from the file"), publish: true);
        WriteFile(Greeting("from the file"));

        var unchanged = await StartAsync();
        WriteFile(Greeting("the file, changed"));
        var changed = await StartAsync();

        Assert.Equal((ImportOutcome.Unchanged, "test.json"), (unchanged.Outcome, unchanged.FileVersion!.SourceFile));
        Assert.Equal((ImportOutcome.NewVersion, 2), (changed.Outcome, changed.Definition.Version));
    }

    [Fact]
    public async Task FileUsingAnActivityNoPluginProvides_IsPublished_WithAWarningNamingTheFileTheActivityAndItsPath()
    {
        WriteFile(Json([Start(), Activity("size", "DealSize.Classify")], [Connect("start", "size")]));

        var start = await StartAsync();

        Assert.Equal((ImportOutcome.Created, DefinitionState.Published), (start.Outcome, start.Definition.State));
        var warning = Assert.Single(start.Warnings);
        Assert.Equal("$.root.activities[1].type", warning.Path);
        Assert.Equal(
            "Workflow test.json (test): warning at $.root.activities[1].type: Activity 'size' has type 'DealSize.Classify', which no built-in activity, " +
            "workflow or loaded plugin provides; it is kept as written, and a run that reaches it faults.",
            Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning).Message);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    public void Dispose() => _log.Dispose();

    private void WriteFile(string json) => File.WriteAllText(Path.Combine(_folder, "test.json"), json);

    /// <summary>What a (re)starting host does with its workflows folder.</summary>
    private async Task<ImportResult> StartAsync()
    {
        var result = Assert.Single(await _host.Get<WorkflowFolderImporter>().ImportAsync(_folder));
        return result.Result ?? throw new InvalidOperationException($"{result.File}: {string.Join("; ", result.Errors!)}");
    }
}
