using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SfaFlow.Data;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.SalesApi;

/// <summary>A rep's tasks over HTTP: the task list, "my tasks" against today (in a time zone), and completing one.</summary>
public sealed class TaskEndpointsTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _rep = factory.CreateClient(SalesRole.Rep);

    [Fact]
    public async Task TaskList_HoldsOnlyTasks_WhateverTheFilters_AndExportsThemAsCsv()
    {
        var accountId = await AccountAsync(_rep);
        await PlanAsync(_rep, "Call", "Call them", accountId);
        var taskId = await PlanAsync(_rep, "Task", "Send the contract", accountId);

        var tasks = await (await _rep.GetAsync($"/api/tasks?accountId={accountId}")).JsonAsync();
        var calls = await (await _rep.GetAsync($"/api/tasks?accountId={accountId}&kind=Call")).JsonAsync();
        var export = await _rep.GetAsync($"/api/tasks/export?accountId={accountId}");
        var rows = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(taskId, Assert.Single(tasks.Items()).GetProperty("id").GetInt64());
        Assert.Equal(0, calls.GetProperty("total").GetInt32());
        Assert.Equal("tasks.csv", export.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal([$"{taskId},1,Task,Send the contract"], rows[1..].Select(r => string.Join(',', r.Split(',')[..4])));
    }

    [Fact]
    public async Task MyTasks_AreTheCallersPlannedTasks_GroupedAgainstTodayInUtc_OrInTheTimeZoneGiven()
    {
        // 10 March 2026, 10:00 UTC: Berlin (UTC+1 in March before the 29th) has its today from 9 March 23:00 UTC to 10 March 23:00 UTC.
        using var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.Zero)))));
        var userName = $"tasks-{Guid.NewGuid():N}"[..14];
        await factory.AddSalesUserAsync(userName, SalesRole.Rep);
        using var me = SfaFlowApiFactory.WithToken(host.CreateClient(), await factory.TokenAsync(userName, SfaFlowApiFactory.Password));
        var accountId = await AccountAsync(me);

        var lastWeek = await PlanAsync(me, "Task", "Last week", accountId, "2026-03-03T09:00:00Z");
        var berlinsMidnight = await PlanAsync(me, "Task", "Half past midnight in Berlin", accountId, "2026-03-09T23:30:00Z");
        var thisMorning = await PlanAsync(me, "Task", "This morning", accountId, "2026-03-10T08:00:00Z");
        var tonight = await PlanAsync(me, "Task", "Late tonight", accountId, "2026-03-10T23:30:00Z");
        var thursday = await PlanAsync(me, "Task", "Thursday", accountId, "2026-03-12T09:00:00Z");
        var someday = await PlanAsync(me, "Task", "Someday", accountId);
        await PlanAsync(me, "Call", "A call, not a task", accountId, "2026-03-10T12:00:00Z");
        var done = await PlanAsync(me, "Task", "Done already", accountId, "2026-03-10T12:00:00Z");
        await (await me.PostJsonAsync($"/api/tasks/{done}/complete", """{"outcome": "Done"}""")).JsonAsync();
        var cancelled = await PlanAsync(me, "Task", "Called off", accountId, "2026-03-10T12:00:00Z");
        await (await me.PostJsonAsync($"/api/activities-log/{cancelled}/cancel", "{}")).JsonAsync();
        await PlanAsync(_rep, "Task", "Someone else's", await AccountAsync(_rep), "2026-03-10T12:00:00Z");

        var inUtc = await (await me.GetAsync("/api/tasks/mine")).JsonAsync();
        var inBerlin = await (await me.GetAsync("/api/tasks/mine?timeZone=Europe/Berlin")).JsonAsync();
        var unknown = await (await me.GetAsync("/api/tasks/mine?timeZone=Mars/Olympus_Mons")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([lastWeek, berlinsMidnight], Ids(inUtc, "overdue"));
        Assert.Equal([thisMorning, tonight], Ids(inUtc, "today"));
        Assert.Equal([thursday, someday], Ids(inUtc, "upcoming"));
        Assert.Equal(("UTC", "2026-03-10T00:00:00+00:00", "2026-03-11T00:00:00+00:00"), (inUtc.Text("timeZone"), inUtc.Text("todayStartsAt"), inUtc.Text("todayEndsAt")));
        Assert.Equal([lastWeek], Ids(inBerlin, "overdue"));
        Assert.Equal([berlinsMidnight, thisMorning], Ids(inBerlin, "today"));
        Assert.Equal([tonight, thursday, someday], Ids(inBerlin, "upcoming"));
        Assert.Equal(("Europe/Berlin", "2026-03-09T23:00:00+00:00", "2026-03-10T23:00:00+00:00"), (inBerlin.Text("timeZone"), inBerlin.Text("todayStartsAt"), inBerlin.Text("todayEndsAt")));
        Assert.Equal("timeZone", Assert.Single(unknown.Items("errors")).Text("path"));
    }

    [Fact]
    public async Task CompletingATask_MakesItDoneWithItsOutcome_AndRaisesTaskCompleted_OnlyForAPlannedTask()
    {
        var accountId = await AccountAsync(_rep);
        var taskId = await PlanAsync(_rep, "Task", "Call back", accountId);
        var callId = await PlanAsync(_rep, "Call", "Just a call", accountId);
        var othersTask = await PlanAsync(factory.CreateClient(SalesRole.Manager), "Task", "Not yours", await AccountAsync(factory.CreateClient(SalesRole.Manager)));

        var noOutcome = await (await _rep.PostJsonAsync($"/api/tasks/{taskId}/complete", """{"note": "forgot"}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var completed = await _rep.SendIfMatchAsync(HttpMethod.Post, $"/api/tasks/{taskId}/complete", "\"1\"", """{"outcome": "Reached", "note": "Meeting next week"}""");
        var again = await (await _rep.PostJsonAsync($"/api/tasks/{taskId}/complete", """{"outcome": "Twice"}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var notATask = await (await _rep.PostJsonAsync($"/api/tasks/{callId}/complete", """{"outcome": "Reached"}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var hidden = await _rep.PostJsonAsync($"/api/tasks/{othersTask}/complete", """{"outcome": "Reached"}""");

        var task = await completed.JsonAsync();
        Assert.Equal(("\"2\"", "Done", "Reached", "Meeting next week"), (completed.Headers.ETag?.Tag, task.Text("status"), task.Text("outcome"), task.Text("notes")));
        Assert.Equal("outcome", Assert.Single(noOutcome.Items("errors")).Text("path"));
        Assert.Equal("status", Assert.Single(again.Items("errors")).Text("path"));
        Assert.Equal("kind", Assert.Single(notATask.Items("errors")).Text("path"));
        await hidden.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Planned", (await (await _rep.GetAsync($"/api/activities-log/{callId}")).JsonAsync()).Text("status"));
        Assert.Equal(["ActivityCompleted", "TaskCompleted"], await OutboxEventsAsync($"activity:{taskId}"));
        Assert.Empty(await OutboxEventsAsync($"activity:{callId}"));
    }

    private static List<long> Ids(JsonElement tasks, string group) => [.. tasks.GetProperty(group).EnumerateArray().Select(t => t.GetProperty("id").GetInt64())];

    private static async Task<long> AccountAsync(HttpClient client) =>
        (await (await client.PostJsonAsync("/api/accounts", """{"name": "Task Co"}""")).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    private static async Task<long> PlanAsync(HttpClient client, string kind, string subject, long accountId, string? dueAt = null)
    {
        var due = dueAt is null ? "null" : $"\"{dueAt}\"";
        var planned = await (await client.PostJsonAsync("/api/activities-log", $$"""{"kind": "{{kind}}", "subject": "{{subject}}", "dueAt": {{due}}, "accountId": {{accountId}}}"""))
            .JsonAsync(HttpStatusCode.Created);
        return planned.GetProperty("id").GetInt64();
    }

    /// <summary>The names of the domain events the outbox holds for a record, in the order they were raised.</summary>
    private async Task<List<string>> OutboxEventsAsync(string correlationId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SfaFlowDbContext>>().CreateDbContextAsync();
        return await db.Database.SqlQuery<string>($"SELECT \"Name\" AS \"Value\" FROM \"OutboxMessages\" WHERE \"CorrelationId\" = {correlationId} ORDER BY \"Id\"").ToListAsync();
    }
}
