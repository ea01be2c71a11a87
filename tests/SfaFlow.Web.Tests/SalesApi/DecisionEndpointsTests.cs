using System.Net;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Decisions;
using SfaFlow.Sales.Organization;
using SfaFlow.Sales.Pipelines;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.SalesApi;

/// <summary>GET .../decisions: why a deal was refused a stage, why a lead was qualified, for those who may read the record.</summary>
public sealed class DecisionEndpointsTests(SfaFlowApiFactory factory) : IClassFixture<SfaFlowApiFactory>
{
    private readonly HttpClient _rep = factory.CreateClient(SalesRole.Rep);

    [Fact]
    public async Task RefusedStageMove_IsExplainedInTheDealsDecisions_AndHiddenOutsideScope()
    {
        var (accountId, pipelineId, proposal) = await SetUpPipelineAsync();
        var deal = await (await _rep.PostJsonAsync("/api/opportunities",
            $$$"""{"fields": {"name": "Engines", "accountId": {{{accountId}}}, "amount": 1200, "currency": "EUR", "expectedCloseDate": "2027-03-31"}, "pipelineId": {{{pipelineId}}}}""")).JsonAsync(HttpStatusCode.Created);
        var id = deal.GetProperty("id").GetInt64();
        await (await _rep.PostJsonAsync($"/api/opportunities/{id}/stage", $$"""{"stageId": {{proposal}}}""")).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        var decisions = await (await _rep.GetAsync($"/api/opportunities/{id}/decisions?page=1&pageSize=10")).JsonAsync();
        var hidden = await factory.CreateClient(SalesRole.Manager).GetAsync($"/api/opportunities/{id}/decisions");

        Assert.Equal((1, 1, 10), (decisions.GetProperty("total").GetInt32(), decisions.GetProperty("page").GetInt32(), decisions.GetProperty("pageSize").GetInt32()));
        var trace = Assert.Single(decisions.Items());
        Assert.Equal(("StageGate", "Proposal", "Refused"), (trace.Text("kind"), trace.Text("subject"), trace.Text("result")));
        Assert.Contains("does not allow skipping stages ('Qualification')", Assert.Single(trace.Items("rules")).Text("message"), StringComparison.Ordinal);
        await hidden.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LeadDecisions_NewestFirst_WithTheValuesEachRuleRead()
    {
        var lead = await (await _rep.PostJsonAsync("/api/leads", """{"name": "Ada Lovelace", "source": "Web"}""")).JsonAsync(HttpStatusCode.Created);
        var id = lead.GetProperty("id").GetInt64();
        var traces = factory.Service<DecisionTraces>();
        foreach (var (result, at) in new[] { ("NotQualified", 1), ("Qualified", 2) })
        {
            var rule = new RuleOutcome("From the web", "lead.source === 'Web'", new Dictionary<string, object?> { ["lead.source"] = "Web" }, RuleOutcome.Passed, null,
                "Rule 'From the web' passed: lead.source was 'Web'.");
            await traces.RecordAsync(new DecisionTrace
            {
                RecordType = "lead", RecordId = id, Kind = DecisionKind.Qualification, Subject = "Qualification", Result = result, Summary = result,
                RulesJson = DecisionTrace.WriteRules([rule]), At = DateTimeOffset.UnixEpoch.AddDays(at),
            });
        }

        var decisions = await (await _rep.GetAsync($"/api/leads/{id}/decisions")).JsonAsync();

        Assert.Equal(["Qualified", "NotQualified"], decisions.Items().Select(t => t.Text("result")));
        var explained = decisions.Items().First().Items("rules").Single();
        Assert.Equal(("Web", "Rule 'From the web' passed: lead.source was 'Web'."), (explained.GetProperty("valuesRead").Text("lead.source"), explained.Text("message")));
    }

    private async Task<(long AccountId, long PipelineId, long Proposal)> SetUpPipelineAsync()
    {
        await using var db = await factory.Service<ISalesDatabaseFactory>().OpenAsync();
        var rep = await db.Users.SingleAsync(u => u.UserName == SfaFlowApiFactory.UserNameOf(SalesRole.Rep));
        var pipeline = new Pipeline
        {
            Name = $"Pipeline {Guid.NewGuid():N}",
            Stages =
            [
                new Stage { Name = "Prospecting", Order = 1, DefaultProbability = 10 },
                new Stage { Name = "Qualification", Order = 2, DefaultProbability = 20 },
                new Stage { Name = "Proposal", Order = 3, DefaultProbability = 50 },
                new Stage { Name = "Won", Order = 4, DefaultProbability = 100, IsWon = true },
            ],
        };
        var account = new Account { Name = "Engines Ltd", OwnerId = rep.Id };
        db.Pipelines.Add(pipeline);
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return (account.Id, pipeline.Id, pipeline.Stages.Single(s => s.Name == "Proposal").Id);
    }
}
