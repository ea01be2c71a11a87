using System.Net;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.SalesApi;

/// <summary>The activity log over HTTP: plan, change, complete, cancel, log what happened, delete; scope, versions and list.</summary>
public sealed class SalesActivityEndpointsTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _rep = factory.CreateClient(SalesRole.Rep);

    [Fact]
    public async Task Activity_IsPlannedChangedAtItsVersion_CompletedOnceWithItsOutcome_AndHiddenOutOfScope()
    {
        var accountId = await AccountAsync(_rep);
        var created = await _rep.PostJsonAsync("/api/activities-log", $$"""{"kind": "Call", "subject": "Intro call", "dueAt": "2026-12-01T09:00:00Z", "accountId": {{accountId}}}""");
        var planned = await created.JsonAsync(HttpStatusCode.Created);
        var id = planned.GetProperty("id").GetInt64();

        var changed = await _rep.SendIfMatchAsync(HttpMethod.Put, $"/api/activities-log/{id}", "\"1\"",
            $$"""{"kind": "Call", "subject": "Intro call", "notes": "Ask about looms", "dueAt": "2026-12-02T09:00:00Z", "accountId": {{accountId}}}""");
        var stale = await _rep.SendIfMatchAsync(HttpMethod.Put, $"/api/activities-log/{id}", "\"1\"", $$"""{"kind": "Call", "subject": "Lost", "accountId": {{accountId}}}""");
        var hidden = await factory.CreateClient(SalesRole.Manager).GetAsync($"/api/activities-log/{id}");
        var completed = await _rep.SendIfMatchAsync(HttpMethod.Post, $"/api/activities-log/{id}/complete", "\"2\"", """{"outcome": "Interested", "note": "Wants a demo"}""");
        var again = await _rep.PostJsonAsync($"/api/activities-log/{id}/complete", """{"outcome": "Twice"}""");

        Assert.Equal(("\"1\"", "Planned", accountId), (created.Headers.ETag?.Tag, planned.Text("status"), planned.GetProperty("accountId").GetInt64()));
        Assert.Equal(("\"2\"", "2026-12-02T09:00:00+00:00"), (changed.Headers.ETag?.Tag, (await changed.JsonAsync()).Text("dueAt")));
        await stale.ProblemAsync(HttpStatusCode.Conflict);
        await hidden.ProblemAsync(HttpStatusCode.NotFound);
        var done = await completed.JsonAsync();
        Assert.Equal(("Done", "Interested", "Ask about looms\nWants a demo"), (done.Text("status"), done.Text("outcome"), done.Text("notes")));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, done.GetProperty("completedAt").ValueKind);
        Assert.Equal("status", Assert.Single((await again.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Items("errors")).Text("path"));
    }

    [Fact]
    public async Task Activity_WithInvalidFields_OrOnARecordOutOfScope_Is422_WithEachFieldNamed()
    {
        var othersAccount = await AccountAsync(factory.CreateClient(SalesRole.Manager));

        var invalid = await (await _rep.PostJsonAsync("/api/activities-log", """{"kind": "Meeting", "subject": ""}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var outOfScope = await (await _rep.PostJsonAsync("/api/activities-log", $$"""{"kind": "Call", "subject": "Peek", "accountId": {{othersAccount}}}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["subject", "startAt", "leadId"], invalid.Items("errors").Select(e => e.Text("path")));
        Assert.Equal("accountId", Assert.Single(outOfScope.Items("errors")).Text("path"));
    }

    [Fact]
    public async Task Log_RecordsWhatHappenedInOneStep_AndNeedsItsFieldsAndOutcome()
    {
        var accountId = await AccountAsync(_rep);

        var response = await _rep.PostJsonAsync("/api/activities-log/log",
            $$$"""{"fields": {"kind": "Email", "subject": "Sent the offer", "accountId": {{{accountId}}}}, "outcome": "Sent", "note": "PDF attached"}""");
        var logged = await response.JsonAsync(HttpStatusCode.Created);
        var noOutcome = await (await _rep.PostJsonAsync("/api/activities-log/log", $$$"""{"fields": {"kind": "Call", "subject": "Call", "accountId": {{{accountId}}}}}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var noFields = await (await _rep.PostJsonAsync("/api/activities-log/log", """{"outcome": "Sent"}""")).ProblemAsync(HttpStatusCode.BadRequest);

        // Planned and completed in one transaction, saved twice: version 2, and the ETag says so.
        Assert.Equal(("Done", "Sent", "PDF attached", "\"2\""), (logged.Text("status"), logged.Text("outcome"), logged.Text("notes"), response.Headers.ETag?.Tag));
        Assert.Equal(2, logged.GetProperty("version").GetInt32());
        Assert.Equal("outcome", Assert.Single(noOutcome.Items("errors")).Text("path"));
        Assert.Contains("fields", noFields.Text("detail"), StringComparison.Ordinal);
        var none = await (await _rep.GetAsync($"/api/activities-log?accountId={accountId}&kind=Call")).JsonAsync();
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Activity_IsCancelledWithAReason_ThenDeleted()
    {
        var accountId = await AccountAsync(_rep);
        var id = (await (await _rep.PostJsonAsync("/api/activities-log", $$"""{"kind": "Task", "subject": "Send brochure", "accountId": {{accountId}}}""")).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var cancelled = await (await _rep.PostJsonAsync($"/api/activities-log/{id}/cancel", """{"reason": "Customer declined"}""")).JsonAsync();
        var staleDelete = await _rep.SendIfMatchAsync(HttpMethod.Delete, $"/api/activities-log/{id}", "\"1\"");
        var deleted = await _rep.SendIfMatchAsync(HttpMethod.Delete, $"/api/activities-log/{id}", "\"2\"");

        Assert.Equal("Cancelled", cancelled.Text("status"));
        await staleDelete.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await _rep.GetAsync($"/api/activities-log/{id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ActivityList_IsFilteredByKindStatusAndDueDate_AndExportsTheSameAsCsv()
    {
        var accountId = await AccountAsync(_rep);
        foreach (var (kind, subject, due) in new[] { ("Call", "Second call", "2026-12-03T10:00:00Z"), ("Call", "First call", "2026-12-01T10:00:00Z"), ("Email", "Mail", "2026-12-02T10:00:00Z") })
        {
            await (await _rep.PostJsonAsync("/api/activities-log", $$"""{"kind": "{{kind}}", "subject": "{{subject}}", "dueAt": "{{due}}", "accountId": {{accountId}}}""")).JsonAsync(HttpStatusCode.Created);
        }

        var calls = await (await _rep.GetAsync($"/api/activities-log?accountId={accountId}&kind=Call&status=Planned")).JsonAsync();
        var early = await (await _rep.GetAsync($"/api/activities-log?accountId={accountId}&dueAtTo=2026-12-02&sort=-dueAt")).JsonAsync();
        var rows = (await (await _rep.GetAsync($"/api/activities-log/export?accountId={accountId}&q=call")).Content.ReadAsStringAsync())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(["First call", "Second call"], calls.Items().Select(a => a.Text("subject")));
        Assert.Equal(["Mail", "First call"], early.Items().Select(a => a.Text("subject")));
        Assert.StartsWith("id,version,kind,subject,notes,status,dueAt,", rows[0], StringComparison.Ordinal);
        Assert.Equal(["Call,First call,,Planned,2026-12-01T10:00:00Z", "Call,Second call,,Planned,2026-12-03T10:00:00Z"], rows[1..].Select(r => string.Join(',', r.Split(',')[2..7])));
    }

    private static async Task<long> AccountAsync(HttpClient client) =>
        (await (await client.PostJsonAsync("/api/accounts", """{"name": "Activity Co"}""")).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
}
