using System.Net;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.SalesApi;

/// <summary>Pipelines over HTTP: admins shape them (stages, gates, versions), everyone reads them, and one in use stays.</summary>
public sealed class PipelineEndpointsTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _admin = factory.CreateClient(SalesRole.Admin);
    private readonly HttpClient _rep = factory.CreateClient(SalesRole.Rep);

    [Fact]
    public async Task Pipeline_CreatedByAnAdmin_IsReadByARep_ChangedOnlyByAdminsAtTheCurrentVersion()
    {
        var name = Unique("Direct");
        var created = await _admin.PostJsonAsync("/api/pipelines", PipelineJson(name));
        var pipeline = await created.JsonAsync(HttpStatusCode.Created);
        var id = pipeline.GetProperty("id").GetInt64();
        var stageIds = pipeline.Items("stages").Select(s => s.GetProperty("id").GetInt64()).ToList();

        var read = await _rep.GetAsync($"/api/pipelines/{id}");
        var listed = await (await _rep.GetAsync($"/api/pipelines?q={Uri.EscapeDataString(name)}")).JsonAsync();
        var change = PipelineJson(name + " (renamed)", $$"""{"id": {{stageIds[0]}}, "name": "Discovery", "defaultProbability": 15}""",
            """{"name": "Demo", "defaultProbability": 40, "stallThresholdDays": 14}""", $$"""{"id": {{stageIds[1]}}, "name": "Proposal", "defaultProbability": 50, "forecastCategory": "BestCase", "gateCondition": "opportunity.amount > 0"}""",
            $$"""{"id": {{stageIds[2]}}, "name": "Won", "defaultProbability": 100, "forecastCategory": "Closed", "isWon": true}""",
            $$"""{"id": {{stageIds[3]}}, "name": "Lost", "defaultProbability": 0, "forecastCategory": "Omitted", "isLost": true}""");
        var byRep = await _rep.SendAtVersionAsync(HttpMethod.Put, $"/api/pipelines/{id}", change, "\"1\"");
        var stale = await _admin.SendAtVersionAsync(HttpMethod.Put, $"/api/pipelines/{id}", change, "\"5\"");
        var updated = await _admin.SendAtVersionAsync(HttpMethod.Put, $"/api/pipelines/{id}", change, "\"1\"");
        var after = await updated.JsonAsync();

        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        Assert.Equal(["Prospecting", "Proposal", "Won", "Lost"], pipeline.Items("stages").Select(s => s.Text("name")));
        Assert.Equal("opportunity.amount > 0", pipeline.Items("stages").ElementAt(1).Text("gateCondition"));
        Assert.Equal(name, (await read.JsonAsync()).Text("name"));
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal([4], listed.Items().Select(p => p.Items("stages").Count()));
        Assert.Contains("Only an admin may change pipelines", (await byRep.ProblemAsync(HttpStatusCode.Forbidden)).Text("detail"), StringComparison.Ordinal);
        Assert.Contains("version 5", (await stale.ProblemAsync(HttpStatusCode.Conflict)).Text("detail"), StringComparison.Ordinal);
        Assert.Equal("\"2\"", updated.Headers.ETag?.Tag);
        Assert.Equal(["Discovery", "Demo", "Proposal", "Won", "Lost"], after.Items("stages").Select(s => s.Text("name")));
        Assert.Equal([1, 2, 3, 4, 5], after.Items("stages").Select(s => s.GetProperty("order").GetInt32()));
        Assert.Equal(stageIds[1], after.Items("stages").ElementAt(2).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Pipeline_WithAGateThatIsNotJavaScript_Is422_NamingTheStagesField()
    {
        var json = PipelineJson(Unique("Broken"), """{"name": "Prospecting"}""", """{"name": "Proposal", "defaultProbability": 50, "gateCondition": "opportunity.amount >"}""",
            """{"name": "Won", "defaultProbability": 100, "isWon": true}""", """{"name": "Lost", "isLost": true}""");

        var problem = await (await _admin.PostJsonAsync("/api/pipelines", json)).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        var error = Assert.Single(problem.Items("errors"));
        Assert.Equal("stages[1].gateCondition", error.Text("path"));
        Assert.StartsWith("The gate is not valid JavaScript", error.Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipeline_WithADeal_IsNotDeleted_OneWithoutIs()
    {
        var used = await (await _admin.PostJsonAsync("/api/pipelines", PipelineJson(Unique("Used")))).JsonAsync(HttpStatusCode.Created);
        var unused = await (await _admin.PostJsonAsync("/api/pipelines", PipelineJson(Unique("Unused")))).JsonAsync(HttpStatusCode.Created);
        var usedId = used.GetProperty("id").GetInt64();
        var unusedId = unused.GetProperty("id").GetInt64();
        var accountId = await AddAccountOfTheRepAsync();
        await (await _rep.PostJsonAsync("/api/opportunities",
            $$"""{"fields": {"name": "Engines", "accountId": {{accountId}}, "amount": 100, "currency": "EUR", "expectedCloseDate": "2027-03-31"}, "pipelineId": {{usedId}}}""")).JsonAsync(HttpStatusCode.Created);

        var inUse = await (await _admin.DeleteAsync($"/api/pipelines/{usedId}")).ProblemAsync(HttpStatusCode.Conflict);
        var byRep = await _rep.DeleteAsync($"/api/pipelines/{unusedId}");
        var deleted = await _admin.DeleteAsync($"/api/pipelines/{unusedId}");

        Assert.Contains("cannot be deleted: 1 deal refers to it", inUse.Text("detail"), StringComparison.Ordinal);
        await byRep.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await _rep.GetAsync($"/api/pipelines/{unusedId}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)];

    /// <summary>A pipeline's body; by default four stages (Prospecting, Proposal with a gate, Won, Lost).</summary>
    private static string PipelineJson(string name, params string[] stages)
    {
        string[] standard =
        [
            """{"name": "Prospecting", "defaultProbability": 10}""",
            """{"name": "Proposal", "defaultProbability": 50, "forecastCategory": "BestCase", "gateCondition": "opportunity.amount > 0"}""",
            """{"name": "Won", "defaultProbability": 100, "forecastCategory": "Closed", "isWon": true}""",
            """{"name": "Lost", "defaultProbability": 0, "forecastCategory": "Omitted", "isLost": true}""",
        ];
        return $$"""{"name": "{{name}}", "stages": [{{string.Join(", ", stages.Length > 0 ? stages : standard)}}]}""";
    }

    private async Task<long> AddAccountOfTheRepAsync()
    {
        await using var db = await factory.Service<ISalesDatabaseFactory>().OpenAsync();
        var rep = await db.Users.SingleAsync(u => u.UserName == SfaFlowApiFactory.UserNameOf(SalesRole.Rep));
        var account = new Account { Name = "Engines Ltd", OwnerId = rep.Id };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    }
}
