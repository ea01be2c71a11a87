using System.IO.Compression;
using System.Net;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Web.Tests.Support.Workflows;

namespace SfaFlow.Web.Tests.Workflows;

/// <summary>Importing Elsa's own sample workflows (JSON and zip) and running them over HTTP.</summary>
public sealed class ImportEndpointTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient(SalesRole.Admin);

    private static byte[] Sample(string file) => File.ReadAllBytes(Path.Combine(SharedFolder.ElsaSamples, file));

    [Fact]
    public async Task ImportAndExecute_ImplicitLoop_FinishesWithTheLoopInTheJournalAndCounterTwo()
    {
        var import = await (await _client.PostBytesAsync("/api/workflow-definitions/import", Sample("import-and-execute--implicit-loop.json"), "application/json")).JsonAsync();
        var file = Assert.Single(import.Items("files"));
        Assert.Equal(("Created", "Published"), (file.Text("outcome"), file.GetProperty("definition").Text("state")));

        var instance = await (await _client.PostJsonAsync("/api/workflow-definitions/68e6bca3d86c4a5a8dfb825f1d5c0875/execute", """{"correlationId": "loop-1"}""")).JsonAsync();
        var stored = await (await _client.GetAsync($"/api/workflow-instances/{instance.Text("id")}")).JsonAsync();

        foreach (var view in new[] { instance, stored })
        {
            Assert.Equal(("Finished", "Finished", "loop-1"), (view.Text("status"), view.Text("subStatus"), view.Text("correlationId")));
            Assert.Equal(2, view.GetProperty("variables").GetProperty("Counter").GetInt32());
            var steps = view.Items("journal").Select(j => j.Text("activityId")).Where(a => a != "Flowchart1");
            Assert.Equal(["Start1", "WriteLine1", "SetVariable1", "FlowDecision1", "WriteLine2", "WriteLine1", "SetVariable1", "FlowDecision1", "WriteLine3"], steps);
            Assert.Equal(["False", "True"], view.Items("journal").Where(j => j.Text("activityId") == "FlowDecision1").Select(j => j.GetProperty("outcomes")[0].GetString()));
            Assert.Empty(view.Items("incidents"));
        }
    }

    [Fact]
    public async Task Import_ActivityNoLoadedPluginProvides_IsPublishedWithTheWarningAtItsPath()
    {
        var id = UniqueId("missing-plugin");

        var import = await (await _client.PostJsonAsync("/api/workflow-definitions/import",
            Definition(id, [Wf.Start(), Wf.Activity("size", "DealSize.Classify")], [Wf.Connect("start", "size")]))).JsonAsync();

        var file = Assert.Single(import.Items("files"));
        Assert.Equal(("Created", "Published"), (file.Text("outcome"), file.GetProperty("definition").Text("state")));
        var warning = Assert.Single(file.Items("warnings"));
        Assert.Equal(("Warning", "$.root.activities[1].type"), (warning.Text("severity"), warning.Text("path")));
        Assert.Contains("'DealSize.Classify'", warning.Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAndExecute_ChildWithOutput_SetsTheWorkflowOutput()
    {
        await (await _client.PostBytesAsync("/api/workflow-definitions/import", Sample("wfdef-activities--child-with-output.json"), "application/json")).JsonAsync();

        var instance = await (await _client.PostJsonAsync("/api/workflow-definitions/5781ed56ea4b160/execute")).JsonAsync();

        Assert.Equal("Finished", instance.Text("subStatus"));
        Assert.Equal("Child output value", instance.GetProperty("outputs").Text("Output"));
    }

    [Fact]
    public async Task Import_Twice_IsUnchanged_AndUnpublishedWhenAsked()
    {
        var sample = Sample("workflow-completion--fork.json");

        var draft = await (await _client.PostBytesAsync("/api/workflow-definitions/import?publish=false", sample, "application/json")).JsonAsync();
        var published = await (await _client.PostBytesAsync("/api/workflow-definitions/import", sample, "application/json")).JsonAsync();
        var run = await (await _client.PostJsonAsync("/api/workflow-definitions/5590069018aa4f0e/execute")).JsonAsync();

        Assert.Equal(("Created", "Draft"), (draft.Items("files").Single().Text("outcome"), draft.Items("files").Single().GetProperty("definition").Text("state")));
        Assert.Equal(("Unchanged", "Published"), (published.Items("files").Single().Text("outcome"), published.Items("files").Single().GetProperty("definition").Text("state")));
        Assert.Equal("Finished", run.Text("subStatus"));
    }

    [Fact]
    public async Task ImportZip_WithAGoodAndABadFile_ImportsTheGoodOneAndReportsTheOther()
    {
        var zip = Zip(
            ("samples/cron.json", Sample("import-and-publish--cron-every-hour.json")),
            ("samples/broken.json", "{\"definitionId\": \"broken\", \"root\": {\"id\": \"f\", \"type\": \"Elsa.Flowchart\", \"activities\": [ }"u8.ToArray()),
            ("readme.txt", "not a workflow"u8.ToArray()));

        var report = await (await _client.PostBytesAsync("/api/workflow-definitions/import", zip, "application/zip")).JsonAsync();

        Assert.Equal((1, 1), (report.GetProperty("imported").GetInt32(), report.GetProperty("failed").GetInt32()));
        var files = report.Items("files").ToDictionary(f => f.Text("file"));
        Assert.Equal(["samples/broken.json", "samples/cron.json"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Published", files["samples/cron.json"].GetProperty("definition").Text("state"));
        var error = Assert.Single(files["samples/broken.json"].Items("errors"));
        Assert.Equal(1, error.GetProperty("line").GetInt32());
        Assert.True(error.GetProperty("column").GetInt32() > 1);
        await (await _client.GetAsync("/api/workflow-definitions/broken")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ImportZip_ParentBeforeTheChildItUses_PublishesBoth()
    {
        var zip = Zip(
            ("a-parent.json", Sample("wfdef-activities--parent-with-output.json")),
            ("b-child.json", Sample("wfdef-activities--child-with-output.json")));

        var report = await (await _client.PostBytesAsync("/api/workflow-definitions/import", zip, "application/zip")).JsonAsync();

        Assert.Equal((2, 0), (report.GetProperty("imported").GetInt32(), report.GetProperty("failed").GetInt32()));
        Assert.All(report.Items("files"), f => Assert.Equal("Published", f.GetProperty("definition").Text("state")));
    }

    [Fact]
    public async Task Import_InvalidBodies_AreProblemsWithLocatedErrors()
    {
        var malformed = await (await _client.PostJsonAsync("/api/workflow-definitions/import", "{\n  \"root\": [1, }")).ProblemAsync(HttpStatusCode.BadRequest);
        var dangling = Definition(UniqueId("dangling"), [Wf.Start()], [Wf.Connect("start", "nowhere")]);
        var invalid = await (await _client.PostJsonAsync("/api/workflow-definitions/import", dangling)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var uncompilable = Definition(UniqueId("uncompilable"), [Wf.Decision("decide", "(")]);
        var refused = await (await _client.PostJsonAsync("/api/workflow-definitions/import", uncompilable)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var notZip = await (await _client.PostBytesAsync("/api/workflow-definitions/import", "PK-not-really"u8.ToArray(), "application/zip")).ProblemAsync(HttpStatusCode.BadRequest);
        var emptyZip = await (await _client.PostBytesAsync("/api/workflow-definitions/import", Zip(("notes.txt", [1])), "application/zip")).ProblemAsync(HttpStatusCode.BadRequest);

        var where = Assert.Single(malformed.Items("errors"));
        Assert.Equal(2, where.GetProperty("line").GetInt32());
        Assert.Contains("$.root.connections[0]", Assert.Single(invalid.Items("errors")).Text("path"), StringComparison.Ordinal);
        Assert.Equal("$.root.activities[0].condition.expression.value", Assert.Single(refused.Items("errors")).Text("path"));
        Assert.Contains("zip", notZip.Text("detail"), StringComparison.Ordinal);
        Assert.Contains("no .json files", emptyZip.Text("detail"), StringComparison.Ordinal);
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
