using System.Net;
using System.Text.Json.Nodes;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Web.Tests.Support.Workflows;

namespace SfaFlow.Web.Tests.Workflows;

/// <summary>Drafts, publishing, versions, retracting and exporting over HTTP.</summary>
public sealed class DefinitionEndpointsTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient(SalesRole.Admin);

    [Fact]
    public async Task DraftPublishVersionsExport_RoundTrip_ReimportsAsUnchanged()
    {
        var id = UniqueId("round-trip");
        var created = await _client.PostJsonAsync("/api/workflow-definitions", Definition(id, [Wf.Start(), Wf.WriteLine("say", "one")], [Wf.Connect("start", "say")], name: "Round Trip"));
        var draft = await created.JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/workflow-definitions/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(("Draft", 1), (draft.Text("state"), draft.GetProperty("version").GetInt32()));
        Assert.Equal("Elsa.WriteLine", draft.GetProperty("definition").GetProperty("root").GetProperty("activities")[1].Text("type"));

        var first = await (await _client.PostJsonAsync($"/api/workflow-definitions/{id}/publish")).JsonAsync();
        var edited = await (await _client.PutJsonAsync($"/api/workflow-definitions/{id}", Definition(id, [Wf.Start(), Wf.WriteLine("say", "two")], [Wf.Connect("start", "say")], name: "Round Trip"))).JsonAsync();
        var second = await (await _client.PostJsonAsync($"/api/workflow-definitions/{id}/publish")).JsonAsync();
        var versions = await (await _client.GetAsync($"/api/workflow-definitions/{id}/versions")).JsonAsync();

        Assert.Equal(("Published", 1), (first.Text("state"), first.GetProperty("version").GetInt32()));
        Assert.Equal(("Draft", 2), (edited.Text("state"), edited.GetProperty("version").GetInt32()));
        Assert.Equal(("Published", 2), (second.Text("state"), second.GetProperty("version").GetInt32()));
        Assert.Equal([(1, "Retired", false), (2, "Published", true)],
            versions.EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.Text("state"), v.GetProperty("isLatest").GetBoolean())));

        var export = await _client.GetAsync($"/api/workflow-definitions/{id}/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("round-trip.json", export.Content.Headers.ContentDisposition?.FileName);
        var exported = await export.Content.ReadAsStringAsync();
        Assert.Equal("two", JsonNode.Parse(exported)!["root"]!["activities"]![1]!["text"]!["expression"]!["value"]!.GetValue<string>());

        var reimport = await (await _client.PostJsonAsync("/api/workflow-definitions/import", exported)).JsonAsync();
        var file = Assert.Single(reimport.Items("files"));
        Assert.Equal(("Unchanged", 2), (file.Text("outcome"), file.GetProperty("definition").GetProperty("version").GetInt32()));

        var oldExport = await (await _client.GetAsync($"/api/workflow-definitions/{id}/export?version=1")).JsonAsync();
        Assert.Equal("one", oldExport.GetProperty("root").GetProperty("activities")[1].GetProperty("text").GetProperty("expression").Text("value"));
    }

    [Fact]
    public async Task Publish_ActivityNoLoadedPluginProvides_PublishesAndReturnsTheWarningAtItsPath()
    {
        var id = UniqueId("missing-plugin");
        await _client.PostJsonAsync("/api/workflow-definitions", Definition(id, [Wf.Start(), Wf.Activity("size", "DealSize.Classify")], [Wf.Connect("start", "size")]));

        var published = await (await _client.PostJsonAsync($"/api/workflow-definitions/{id}/publish")).JsonAsync();

        Assert.Equal(("Published", 1), (published.Text("state"), published.GetProperty("version").GetInt32()));
        var warning = Assert.Single(published.Items("diagnostics"));
        Assert.Equal(("Warning", "$.root.activities[1].type"), (warning.Text("severity"), warning.Text("path")));
        Assert.StartsWith("Activity 'size' has type 'DealSize.Classify', which no built-in activity, workflow or loaded plugin provides", warning.Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_DraftThatDoesNotCompile_Is422WithLocatedErrors()
    {
        var id = UniqueId("broken");
        var body = Definition(id, [Wf.Start(), Wf.Decision("decide", "const x = 1;\nx >")], [Wf.Connect("start", "decide")]);
        var draft = await (await _client.PostJsonAsync("/api/workflow-definitions", body)).JsonAsync(HttpStatusCode.Created);
        Assert.Contains(draft.Items("diagnostics"), d => d.Text("severity") == "Error");

        var problem = await (await _client.PostJsonAsync($"/api/workflow-definitions/{id}/publish")).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        var error = Assert.Single(problem.Items("errors"));
        Assert.Equal("$.root.activities[1].condition.expression.value", error.Text("path"));
        Assert.Contains("JavaScript", error.Text("message"), StringComparison.Ordinal);
        Assert.Equal((2, 4, true), (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetInt32(), error.GetProperty("inScript").GetBoolean()));
        var still = await (await _client.GetAsync($"/api/workflow-definitions/{id}")).JsonAsync();
        Assert.Equal("Draft", still.Text("state"));
    }

    [Fact]
    public async Task Get_ByVersionOrPublished_AndTheirNotFounds()
    {
        var id = UniqueId("versions");
        await (await _client.PostJsonAsync("/api/workflow-definitions/import", Definition(id, [Wf.WriteLine("say", "v1")]))).JsonAsync();
        await (await _client.PutJsonAsync($"/api/workflow-definitions/{id}", Definition(id, [Wf.WriteLine("say", "v2")]))).JsonAsync();

        var latest = await (await _client.GetAsync($"/api/workflow-definitions/{id}")).JsonAsync();
        var published = await (await _client.GetAsync($"/api/workflow-definitions/{id}?published=true")).JsonAsync();
        var first = await (await _client.GetAsync($"/api/workflow-definitions/{id}?version=1")).JsonAsync();
        var missingVersion = await (await _client.GetAsync($"/api/workflow-definitions/{id}?version=9")).ProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await _client.GetAsync("/api/workflow-definitions/no-such-definition")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal((2, "Draft"), (latest.GetProperty("version").GetInt32(), latest.Text("state")));
        Assert.Equal((1, "Published"), (published.GetProperty("version").GetInt32(), published.Text("state")));
        Assert.Equal(published.Text("versionId"), first.Text("versionId"));
        var publishedJson = published.GetProperty("definition");
        Assert.Equal((true, false, 1), (publishedJson.GetProperty("isPublished").GetBoolean(), publishedJson.GetProperty("isLatest").GetBoolean(), publishedJson.GetProperty("version").GetInt32()));
        Assert.Contains("has no version 9", missingVersion.Text("detail"), StringComparison.Ordinal);
        Assert.Contains("'no-such-definition'", missing.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithoutIds_GetsGeneratedIds_AndCreatingTwiceConflicts()
    {
        var body = new JsonObject { ["name"] = "No ids", ["root"] = Wf.Flowchart("Flowchart1", [Wf.WriteLine("say", "hi")]) }.ToJsonString();

        var first = await (await _client.PostJsonAsync("/api/workflow-definitions", body)).JsonAsync(HttpStatusCode.Created);
        var second = await (await _client.PostJsonAsync("/api/workflow-definitions", body)).JsonAsync(HttpStatusCode.Created);
        var id = UniqueId("twice");
        await (await _client.PostJsonAsync("/api/workflow-definitions", Definition(id, [Wf.Start()]))).JsonAsync(HttpStatusCode.Created);
        var conflict = await (await _client.PostJsonAsync("/api/workflow-definitions", Definition(id, [Wf.Start()]))).ProblemAsync(HttpStatusCode.Conflict);

        Assert.NotEqual("Flowchart1", first.Text("definitionId"));
        Assert.NotEqual(first.Text("definitionId"), second.Text("definitionId"));
        Assert.Contains($"'{id}' exists already", conflict.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_WithAnotherDefinitionIdOrUnknown_IsRefused()
    {
        var id = UniqueId("put");
        await (await _client.PostJsonAsync("/api/workflow-definitions", Definition(id, [Wf.Start()]))).JsonAsync(HttpStatusCode.Created);

        var mismatch = await (await _client.PutJsonAsync($"/api/workflow-definitions/{id}", Definition("other", [Wf.Start()]))).ProblemAsync(HttpStatusCode.BadRequest);
        var unknown = await (await _client.PutJsonAsync("/api/workflow-definitions/nowhere", Definition("nowhere", [Wf.Start()]))).ProblemAsync(HttpStatusCode.NotFound);
        var malformed = await (await _client.PutJsonAsync($"/api/workflow-definitions/{id}", "{\"root\": {\"id\": ")).ProblemAsync(HttpStatusCode.BadRequest);
        var noRoot = await (await _client.PutJsonAsync($"/api/workflow-definitions/{id}", "{\"name\": \"x\"}")).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("$.definitionId", Assert.Single(mismatch.Items("errors")).Text("path"));
        Assert.Contains("POST /api/workflow-definitions", unknown.Text("detail"), StringComparison.Ordinal);
        var where = Assert.Single(malformed.Items("errors"));
        Assert.Equal((1, 17), (where.GetProperty("line").GetInt32(), where.GetProperty("column").GetInt32()));
        Assert.Contains("root", Assert.Single(noRoot.Items("errors")).Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteDraft_RemovesOnlyTheDraft_ThenIsNotFound()
    {
        var id = UniqueId("delete");
        await (await _client.PostJsonAsync("/api/workflow-definitions/import", Definition(id, [Wf.WriteLine("say", "v1")]))).JsonAsync();
        await (await _client.PutJsonAsync($"/api/workflow-definitions/{id}", Definition(id, [Wf.WriteLine("say", "v2")]))).JsonAsync();

        var deleted = await _client.DeleteAsync($"/api/workflow-definitions/{id}");
        var again = await (await _client.DeleteAsync($"/api/workflow-definitions/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        var unknown = await (await _client.DeleteAsync("/api/workflow-definitions/never-was")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Contains("has no draft", again.Text("detail"), StringComparison.Ordinal);
        Assert.Contains("no workflow definition 'never-was'", unknown.Text("detail"), StringComparison.Ordinal);
        var latest = await (await _client.GetAsync($"/api/workflow-definitions/{id}")).JsonAsync();
        Assert.Equal((1, "Published", true), (latest.GetProperty("version").GetInt32(), latest.Text("state"), latest.GetProperty("isLatest").GetBoolean()));
    }

    [Fact]
    public async Task Retract_RetiresThePublishedVersion_AndExecuteThenNeedsAVersion()
    {
        var id = UniqueId("retract");
        await (await _client.PostJsonAsync("/api/workflow-definitions/import", Definition(id, [Wf.WriteLine("say", "hi")]))).JsonAsync();

        var retired = await (await _client.PostJsonAsync($"/api/workflow-definitions/{id}/retract")).JsonAsync();
        var again = await (await _client.PostJsonAsync($"/api/workflow-definitions/{id}/retract")).ProblemAsync(HttpStatusCode.Conflict);
        var execute = await (await _client.PostJsonAsync($"/api/workflow-definitions/{id}/execute", "{}")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var byVersion = await (await _client.PostJsonAsync($"/api/workflow-definitions/{id}/execute", $$"""{"versionId": "{{retired.Text("versionId")}}"}""")).JsonAsync();

        Assert.Equal("Retired", retired.Text("state"));
        Assert.Contains("no published version", again.Text("detail"), StringComparison.Ordinal);
        Assert.Contains("no published version", execute.Text("detail"), StringComparison.Ordinal);
        Assert.Equal("Finished", byVersion.Text("subStatus"));
        await (await _client.PostJsonAsync("/api/workflow-definitions/nothing/publish")).ProblemAsync(HttpStatusCode.NotFound);
        await (await _client.PostJsonAsync("/api/workflow-definitions/nothing/retract")).ProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync("/api/workflow-definitions/nothing/versions")).ProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync("/api/workflow-definitions/nothing/export")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
