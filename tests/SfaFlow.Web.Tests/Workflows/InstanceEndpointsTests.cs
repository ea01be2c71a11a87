using System.Net;
using System.Text.Json;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;
using SfaFlow.Workflows.Tests.Support;
using static SfaFlow.Web.Tests.Support.Workflows;

namespace SfaFlow.Web.Tests.Workflows;

/// <summary>Reading, resuming, cancelling and retrying instances over HTTP.</summary>
public sealed class InstanceEndpointsTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient(SalesRole.Admin);

    private async Task<JsonElement> ExecuteAsync(string definitionJson, string? request = null)
    {
        var import = await (await _client.PostJsonAsync("/api/workflow-definitions/import", definitionJson)).JsonAsync();
        var definitionId = import.Items("files").Single().GetProperty("definition").Text("definitionId");
        return await (await _client.PostJsonAsync($"/api/workflow-definitions/{definitionId}/execute", request)).JsonAsync();
    }

    [Fact]
    public async Task Delay_SuspendsWithABookmark_ResumeFinishes_SecondResumeConflicts()
    {
        var started = await ExecuteAsync(Delayed(UniqueId("delay")));

        Assert.Equal(("Running", "Suspended"), (started.Text("status"), started.Text("subStatus")));
        var bookmark = Assert.Single(started.Items("bookmarks"));
        Assert.Equal(("Elsa.Delay", "wait"), (bookmark.Text("name"), bookmark.Text("activityId")));
        Assert.True(bookmark.GetProperty("dueAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(59));

        var resumed = await (await _client.PostJsonAsync($"/api/workflow-instances/bookmarks/{bookmark.Text("id")}/resume", "{}")).JsonAsync();
        var again = await (await _client.PostJsonAsync($"/api/workflow-instances/bookmarks/{bookmark.Text("id")}/resume", "{}")).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(("Finished", "Finished"), (resumed.Text("status"), resumed.Text("subStatus")));
        Assert.Equal("yes", resumed.GetProperty("outputs").Text("Done"));
        Assert.Empty(resumed.Items("bookmarks"));
        Assert.Contains("already consumed", again.Text("detail"), StringComparison.Ordinal);
        var stored = await (await _client.GetAsync($"/api/workflow-instances/{started.Text("id")}")).JsonAsync();
        Assert.Equal("Finished", stored.Text("subStatus"));
        Assert.NotEqual(JsonValueKind.Null, stored.GetProperty("finishedAt").ValueKind);
    }

    [Fact]
    public async Task Resume_WithAPayload_ReachesTheWaitingActivity()
    {
        var started = await ExecuteAsync(WaitsForEvent(UniqueId("reply"), "Replied"));
        var bookmark = started.Items("bookmarks").Single();

        var resumed = await (await _client.PostJsonAsync($"/api/workflow-instances/bookmarks/{bookmark.Text("id")}/resume", """{"payload": {"text": "yes please"}}""")).JsonAsync();

        Assert.Equal(("Elsa.Event", "Replied"), (bookmark.Text("name"), bookmark.Text("key")));
        Assert.Equal("yes please", resumed.GetProperty("variables").Text("Reply"));
    }

    [Fact]
    public async Task Cancel_WaitingInstance_EndsCancelled_AndCancellingAgainConflicts()
    {
        var started = await ExecuteAsync(WaitsForEvent(UniqueId("cancel"), "Never"));

        var cancelled = await (await _client.PostJsonAsync($"/api/workflow-instances/{started.Text("id")}/cancel")).JsonAsync();
        var again = await (await _client.PostJsonAsync($"/api/workflow-instances/{started.Text("id")}/cancel")).ProblemAsync(HttpStatusCode.Conflict);
        var missing = await (await _client.PostJsonAsync("/api/workflow-instances/no-such-instance/cancel")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(("Finished", "Cancelled"), (cancelled.Text("status"), cancelled.Text("subStatus")));
        Assert.Empty(cancelled.Items("bookmarks"));
        Assert.Contains("cannot be cancelled", again.Text("detail"), StringComparison.Ordinal);
        Assert.Contains("'no-such-instance'", missing.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_FaultedInstance_RunsTheFaultedActivityAgain()
    {
        // Fails on its first attempt only: the attempt counter lives in a variable, which the fault leaves in place.
        var flaky = Definition(UniqueId("flaky"),
            [Wf.Start(), SetVariableJs("flaky", "Tries", "setVariable('Attempts', (getVariable('Attempts') ?? 0) + 1); if (getVariable('Attempts') < 2) { throw new Error('not yet'); } return 'ok';"), SetOutput("done", "Result", "done")],
            [Wf.Connect("start", "flaky"), Wf.Connect("flaky", "done")],
            [Wf.Variable("Attempts", "Int32"), Wf.Variable("Tries", "Object")]);
        var faulted = await ExecuteAsync(flaky);
        Assert.Equal("Faulted", faulted.Text("subStatus"));
        var incident = Assert.Single(faulted.Items("incidents"));
        Assert.Equal("flaky", incident.Text("activityId"));
        Assert.Contains("not yet", incident.Text("message"), StringComparison.Ordinal);
        Assert.Equal(1, incident.GetProperty("script").GetProperty("line").GetInt32());

        var retried = await (await _client.PostJsonAsync($"/api/workflow-instances/{faulted.Text("id")}/retry")).JsonAsync();

        Assert.Equal(("Finished", "Finished"), (retried.Text("status"), retried.Text("subStatus")));
        Assert.Equal("done", retried.GetProperty("outputs").Text("Result"));
        Assert.Equal(2, retried.GetProperty("variables").GetProperty("Attempts").GetInt32());
    }

    [Fact]
    public async Task Retry_InstanceThatDidNotFault_Is409WithTheReason()
    {
        var finished = await ExecuteAsync(Definition(UniqueId("fine"), [Wf.WriteLine("say", "fine")]));

        var problem = await (await _client.PostJsonAsync($"/api/workflow-instances/{finished.Text("id")}/retry")).ProblemAsync(HttpStatusCode.Conflict);
        var missing = await (await _client.PostJsonAsync("/api/workflow-instances/nobody/retry")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal($"Instance '{finished.Text("id")}' has no faulted activity to retry.", problem.Text("detail"));
        Assert.Contains("'nobody'", missing.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FiltersByDefinitionStatusSubStatusAndCorrelation_AndPages()
    {
        var waiting = UniqueId("list-wait");
        var quick = UniqueId("list-quick");
        await ExecuteAsync(WaitsForEvent(waiting, "Later"), """{"correlationId": "deal-1"}""");
        await ExecuteAsync(WaitsForEvent(waiting, "Later"), """{"correlationId": "deal-2"}""");
        await ExecuteAsync(Definition(quick, [Wf.WriteLine("say", "quick")]), """{"correlationId": "deal-1"}""");

        var byDefinition = await (await _client.GetAsync($"/api/workflow-instances?definitionId={waiting}&sort=createdAt")).JsonAsync();
        var suspendedDeal1 = await (await _client.GetAsync("/api/workflow-instances?correlationId=deal-1&subStatus=Suspended")).JsonAsync();
        var finishedDeal1 = await (await _client.GetAsync("/api/workflow-instances?correlationId=deal-1&status=Finished")).JsonAsync();
        var paged = await (await _client.GetAsync($"/api/workflow-instances?definitionId={waiting}&pageSize=1&page=2&sort=createdAt")).JsonAsync();
        var bad = await (await _client.GetAsync("/api/workflow-instances?subStatus=Sleeping&sort=name")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["deal-1", "deal-2"], byDefinition.Items().Select(i => i.Text("correlationId")));
        Assert.Equal(waiting, Assert.Single(suspendedDeal1.Items()).Text("definitionId"));
        Assert.Equal(quick, Assert.Single(finishedDeal1.Items()).Text("definitionId"));
        Assert.Equal((2, "deal-2"), (paged.GetProperty("total").GetInt32(), Assert.Single(paged.Items()).Text("correlationId")));
        Assert.Equal(["sort", "subStatus"], bad.Items("errors").Select(e => e.Text("path")));
    }

    [Fact]
    public async Task Get_UnknownInstance_Is404_AndExecuteUnknownDefinitionIs404()
    {
        var instance = await (await _client.GetAsync("/api/workflow-instances/nothing-here")).ProblemAsync(HttpStatusCode.NotFound);
        var definition = await (await _client.PostJsonAsync("/api/workflow-definitions/nothing-here/execute", "{}")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("There is no workflow instance 'nothing-here'.", instance.Text("detail"));
        Assert.Equal("There is no workflow definition 'nothing-here'.", definition.Text("detail"));
    }

    [Fact]
    public async Task Execute_WithInputOfTheWrongShapeOrType_Is400()
    {
        var id = UniqueId("typed");
        var typed = Wf.Json([Wf.WriteLineJs("say", "'n=' + getInput('Count')")], inputs: [new() { ["name"] = "Count", ["type"] = "Int32" }])
            .Replace("\"test\"", $"\"{id}\"", StringComparison.Ordinal).Replace("\"test-v1\"", $"\"{id}-v1\"", StringComparison.Ordinal);
        await (await _client.PostJsonAsync("/api/workflow-definitions/import", typed)).JsonAsync();

        var notAnObject = await (await _client.PostJsonAsync($"/api/workflow-definitions/{id}/execute", """{"input": [1, 2]}""")).ProblemAsync(HttpStatusCode.BadRequest);
        var wrongType = await (await _client.PostJsonAsync($"/api/workflow-definitions/{id}/execute", """{"input": {"Count": "many"}}""")).ProblemAsync(HttpStatusCode.BadRequest);
        var good = await (await _client.PostJsonAsync($"/api/workflow-definitions/{id}/execute", """{"input": {"Count": "3"}}""")).JsonAsync();

        Assert.Equal("$.input", Assert.Single(notAnObject.Items("errors")).Text("path"));
        Assert.Contains("Count", wrongType.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(3, good.GetProperty("input").GetProperty("Count").GetInt32());
    }
}
