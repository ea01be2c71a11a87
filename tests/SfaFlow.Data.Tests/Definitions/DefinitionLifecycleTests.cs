using SfaFlow.Data.Tests.Support;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Runtime.Definitions;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Data.Tests.Definitions;

/// <summary>Drafts, publishing, versions, retracting, imports and version pinning, against the real database.</summary>
public sealed class DefinitionLifecycleTests
{
    private static WorkflowDefinition Greeting(string text) =>
        ElsaJsonReader.Read(Json([Start(), Delay("wait", "00:05:00"), WriteLine("say", text)], [Connect("start", "wait"), Connect("wait", "say")]))
            .GetDefinitionOrThrow();

    [Fact]
    public async Task DraftPublishDraft_KeepsOnePublishedVersionAndRetiresTheOld()
    {
        await using var host = await RuntimeHost.CreateAsync();
        var definitions = host.Definitions;

        var draft1 = await definitions.SaveDraftAsync(Greeting("v1"));
        var sameDraft = await definitions.SaveDraftAsync(Greeting("v1 edited"));
        var published1 = await definitions.PublishAsync("test");
        var draft2 = await definitions.SaveDraftAsync(Greeting("v2"));
        var published2 = await definitions.PublishAsync("test");
        var versions = await definitions.ListVersionsAsync("test");

        Assert.Equal((1, 1), (draft1.Version, sameDraft.Version));
        Assert.Equal(draft1.Id, published1.Id);
        Assert.Equal(2, draft2.Version);
        Assert.Equal([DefinitionState.Retired, DefinitionState.Published], versions.Select(v => v.State));
        Assert.Equal([false, true], versions.Select(v => v.IsLatest));
        Assert.Equal(published2.Id, (await definitions.FindAsync("test", VersionSelector.PublishedVersion))!.Id);
        Assert.Contains("v1 edited", versions[0].Json, StringComparison.Ordinal);

        // The stored JSON says what the row says: what export returns and Elsa Studio imports.
        Assert.Contains("\"isPublished\": false", versions[0].Json, StringComparison.Ordinal);
        Assert.Contains("\"isLatest\": false", versions[0].Json, StringComparison.Ordinal);
        Assert.Contains("\"isPublished\": true", versions[1].Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_InvalidDraft_IsRefusedWithLocatedErrors()
    {
        await using var host = await RuntimeHost.CreateAsync();
        var broken = ElsaJsonReader.Read(Json([WriteLineJs("say", "1 +")])).Definition!;
        await host.Definitions.SaveDraftAsync(broken);

        var refused = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => host.Definitions.PublishAsync("test"));

        Assert.Equal("$.root.activities[0].text.expression.value", Assert.Single(refused.Diagnostics).Path);
        Assert.Equal(DefinitionState.Draft, (await host.Definitions.FindAsync("test", VersionSelector.Latest))!.State);
    }

    [Fact]
    public async Task RetractAndDeleteDraft()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await host.Definitions.ImportAsync(Greeting("v1"), publish: true);
        await host.Definitions.SaveDraftAsync(Greeting("v2"));

        Assert.True(await host.Definitions.RetractAsync("test"));
        Assert.False(await host.Definitions.RetractAsync("test"));
        Assert.True(await host.Definitions.DeleteDraftAsync("test"));
        Assert.False(await host.Definitions.DeleteDraftAsync("test"));

        var only = Assert.Single(await host.Definitions.ListVersionsAsync("test"));
        Assert.Equal((1, DefinitionState.Retired, true), (only.Version, only.State, only.IsLatest));
        await Assert.ThrowsAsync<DefinitionNotPublishedException>(() => host.Runtime.StartAsync("test", new StartRequest()));
    }

    [Fact]
    public async Task Import_SameContentTwice_CreatesNoNewVersion_ChangedContentCreatesTheNext()
    {
        await using var host = await RuntimeHost.CreateAsync();

        var first = await host.Definitions.ImportAsync(Greeting("hello"), publish: true);
        var again = await host.Definitions.ImportAsync(Greeting("hello") with { Version = 7, CreatedAt = DateTimeOffset.UnixEpoch }, publish: true);
        var changed = await host.Definitions.ImportAsync(Greeting("hello, world"), publish: true);

        Assert.Equal(ImportOutcome.Created, first.Outcome);
        Assert.Equal((ImportOutcome.Unchanged, first.Definition.Id), (again.Outcome, again.Definition.Id));
        Assert.Equal((ImportOutcome.NewVersion, 2, DefinitionState.Published), (changed.Outcome, changed.Definition.Version, changed.Definition.State));
        Assert.Equal(2, (await host.Definitions.ListVersionsAsync("test")).Count);
    }

    [Fact]
    public async Task Instance_StartedOnV1_FinishesOnV1_AfterV2IsPublished()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await host.Definitions.ImportAsync(Greeting("from v1"), publish: true);
        var pinned = await host.Runtime.StartAsync("test", new StartRequest());

        await host.Definitions.ImportAsync(Greeting("from v2"), publish: true);
        var fresh = await host.Runtime.StartAsync("test", new StartRequest());
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.Scheduler.TickAsync();

        Assert.Equal((1, 2), (pinned.DefinitionVersion, fresh.DefinitionVersion));
        Assert.Equal(["from v1", "from v2"], host.Lines.Lines.Order());
        Assert.All([pinned.Id, fresh.Id], id => Assert.True(host.Instances.FindAsync(id).Result!.Instance.IsFinished));
    }

    [Fact]
    public async Task FolderImport_PublishesEveryFileOnce_AndReportsBrokenOnes()
    {
        await using var host = await RuntimeHost.CreateAsync();
        var folder = Directory.CreateTempSubdirectory("sfaflow-workflows-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "a.json"), Json([WriteLine("say", "a")]).Replace("\"test\"", "\"a\"", StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(folder, "broken.json"), "{ not json");
        var importer = host.Get<WorkflowFolderImporter>();

        var first = await importer.ImportAsync(folder);
        var second = await importer.ImportAsync(folder);

        Assert.Equal(ImportOutcome.Created, first.Single(r => r.File == "a.json").Result!.Outcome);
        Assert.Equal(ImportOutcome.Unchanged, second.Single(r => r.File == "a.json").Result!.Outcome);
        Assert.Contains("Malformed JSON", first.Single(r => r.File == "broken.json").Errors![0].Message, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }
}
