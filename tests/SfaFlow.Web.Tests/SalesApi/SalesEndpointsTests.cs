using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Pipelines;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.SalesApi;

/// <summary>Leads and deals over HTTP: scope, versions, validation and stage rules as problem details.</summary>
public sealed class SalesEndpointsTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _rep = factory.CreateClient(SalesRole.Rep);

    [Fact]
    public async Task Lead_CreatedByARep_IsReadWithItsETag_ChangedOnlyAtThatVersion_AndHiddenFromOthersScope()
    {
        var created = await _rep.PostJsonAsync("/api/leads", """{"name": "Ada Lovelace", "company": "Engines Ltd", "email": "ada@example.com"}""");
        var lead = await created.JsonAsync(HttpStatusCode.Created);
        var id = lead.GetProperty("id").GetInt64();
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);

        var stale = await SendWithIfMatchAsync(HttpMethod.Put, $"/api/leads/{id}", """{"name": "Ada King Lovelace"}""", "\"7\"");
        var conflict = await stale.ProblemAsync(HttpStatusCode.Conflict);
        var updated = await SendWithIfMatchAsync(HttpMethod.Put, $"/api/leads/{id}", """{"name": "Ada King Lovelace"}""", "\"1\"");
        var hidden = await factory.CreateClient(SalesRole.Manager).GetAsync($"/api/leads/{id}");

        Assert.Contains("version 7", conflict.Text("detail"), StringComparison.Ordinal);
        Assert.Equal("Ada King Lovelace", (await updated.JsonAsync()).Text("name"));
        Assert.Equal("\"2\"", updated.Headers.ETag?.Tag);
        await hidden.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Lead_WithInvalidFields_Is422_WithEachFieldNamed()
    {
        var problem = await (await _rep.PostJsonAsync("/api/leads", """{"name": "", "email": "nope", "score": 140}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["name", "email", "score"], problem.Items("errors").Select(e => e.Text("path")));
    }

    [Fact]
    public async Task Deal_MovedPastAStage_IsRefusedWithTheReason_ARepCannotOverride_AnAdminCan_AndWinningCreatesTheOrder()
    {
        var (accountId, stages) = await SetUpPipelineAsync();
        var deal = await (await _rep.PostJsonAsync("/api/opportunities",
            $$$"""{"fields": {"name": "Engines", "accountId": {{{accountId}}}, "amount": 1200, "currency": "EUR", "expectedCloseDate": "2027-03-31"}}""")).JsonAsync(HttpStatusCode.Created);
        var id = deal.GetProperty("id").GetInt64();

        var refused = await (await _rep.PostJsonAsync($"/api/opportunities/{id}/stage", $$"""{"stageId": {{stages["Proposal"]}}}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var forbidden = await (await _rep.PostJsonAsync($"/api/opportunities/{id}/stage", $$"""{"stageId": {{stages["Proposal"]}}, "overrideReason": "trust me"}""")).ProblemAsync(HttpStatusCode.Forbidden);
        var admin = factory.CreateClient(SalesRole.Admin);
        var moved = await (await admin.PostJsonAsync($"/api/opportunities/{id}/stage", $$"""{"stageId": {{stages["Proposal"]}}, "overrideReason": "qualified by phone"}""")).JsonAsync();
        var won = await (await _rep.PostJsonAsync($"/api/opportunities/{id}/win")).JsonAsync();
        var history = await (await _rep.GetAsync($"/api/opportunities/{id}/history")).JsonAsync();
        var times = await (await _rep.GetAsync($"/api/opportunities/{id}/stage-times")).JsonAsync();

        Assert.Contains("does not allow skipping stages ('Qualification')", Assert.Single(refused.Items("errors")).Text("message"), StringComparison.Ordinal);
        Assert.Contains("Manager or Admin", forbidden.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(50, moved.GetProperty("probability").GetInt32());
        Assert.Equal(("Won", 100), (won.Text("status"), won.GetProperty("probability").GetInt32()));
        Assert.Equal([null, "qualified by phone", null], history.EnumerateArray().Select(c => c.GetProperty("overrideReason").GetString()));
        Assert.Equal([("Prospecting", 1, false), ("Proposal", 1, false), ("Won", 1, true)],
            times.EnumerateArray().Select(t => (t.Text("stage"), t.GetProperty("visits").GetInt32(), t.GetProperty("inStage").GetBoolean())));
        await using var db = await factory.Service<ISalesDatabaseFactory>().OpenAsync();
        Assert.Equal(1200m, (await db.Orders.SingleAsync(o => o.OpportunityId == id)).Total);
    }

    [Fact]
    public async Task Deal_CreatedWithoutItsFields_Is400SayingWhatTheBodyNeeds()
    {
        var problem = await (await _rep.PostJsonAsync("/api/opportunities", "{}")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("needs the deal's fields", problem.Text("detail"), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendWithIfMatchAsync(HttpMethod method, string path, string json, string etag)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return await _rep.SendAsync(request);
    }

    /// <summary>A pipeline of its own (no skipping) and an account owned by the fixture's rep.</summary>
    private async Task<(long AccountId, Dictionary<string, long> Stages)> SetUpPipelineAsync()
    {
        await using var db = await factory.Service<ISalesDatabaseFactory>().OpenAsync();
        var rep = await db.Users.SingleAsync(u => u.UserName == SfaFlowApiFactory.UserNameOf(SalesRole.Rep));
        var pipeline = new Pipeline
        {
            Name = $"Pipeline {Guid.NewGuid():N}", IsDefault = true,
            Stages =
            [
                new Stage { Name = "Prospecting", Order = 1, DefaultProbability = 10 },
                new Stage { Name = "Qualification", Order = 2, DefaultProbability = 20 },
                new Stage { Name = "Proposal", Order = 3, DefaultProbability = 50, ForecastCategory = ForecastCategory.BestCase },
                new Stage { Name = "Won", Order = 4, DefaultProbability = 100, ForecastCategory = ForecastCategory.Closed, IsWon = true },
                new Stage { Name = "Lost", Order = 5, DefaultProbability = 0, ForecastCategory = ForecastCategory.Omitted, IsLost = true },
            ],
        };
        var account = new Account { Name = "Engines Ltd", OwnerId = rep.Id };
        db.Pipelines.Add(pipeline);
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return (account.Id, pipeline.Stages.ToDictionary(s => s.Name, s => s.Id));
    }
}
