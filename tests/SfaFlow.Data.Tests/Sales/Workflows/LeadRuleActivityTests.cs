using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Decisions;
using SfaFlow.Sales.Leads;
using SfaFlow.Workflows.Instances;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Data.Tests.Sales.Workflows;

/// <summary>Sfa.QualifyLead, Sfa.ScoreLead and Sfa.ConvertLead in published workflows on real leads, with their traces.</summary>
public sealed class LeadRuleActivityTests
{
    private const string Rules = """
        [{"name": "From the web", "condition": "lead.source === 'Web'"},
         {"name": "Has a company", "condition": "lead.company != null && lead.company.length > 0"},
         {"name": "Reachable by e-mail", "condition": "!!lead.email"}]
        """;

    private static async Task<(SalesHost Host, SalesScenario Scenario, Lead Lead)> LeadAsync(string? email = null)
    {
        var host = await SalesHost.CreateAsync();
        var s = await SalesScenario.CreateAsync(host);
        var lead = await host.Get<LeadService>().CreateAsync(new LeadFields { Name = "Ada Lovelace", Company = "Engines", Source = "Web", Email = email }, s.Rep);
        return (host, s, lead);
    }

    private static async Task<List<DecisionTrace>> TracesAsync(SalesHost host, long leadId)
    {
        await using var db = await host.OpenAsync();
        return await db.DecisionTraces.Where(t => t.RecordType == "lead" && t.RecordId == leadId).ToListAsync();
    }

    [Fact]
    public async Task QualifyLead_AtLeastTwoOfThree_QualifiesTheLead_AndExplainsEachRuleWithTheValuesItRead()
    {
        var (host, _, lead) = await LeadAsync();
        await using var _ = host;

        var run = await SalesWorkflow.RunAsync(host, $"lead:{lead.Id}", Activity("qualify", "Sfa.QualifyLead", new()
        {
            ["rules"] = ObjectJson(Rules), ["mode"] = Literal("AtLeast"), ["minimumPassed"] = Literal(2, "Int32"),
        }), "Qualified", "NotQualified");

        Assert.Equal("Qualified", run.Port());
        await using (var db = await host.OpenAsync())
        {
            Assert.Equal(LeadStatus.Qualified, (await db.Leads.SingleAsync(l => l.Id == lead.Id)).Status);
        }

        var trace = Assert.Single(await TracesAsync(host, lead.Id));
        Assert.Equal((DecisionKind.Qualification, "Qualified", run.Id), (trace.Kind, trace.Result, trace.WorkflowInstanceId));
        var rules = trace.ReadRules();
        Assert.Equal("Rule 'From the web' passed: lead.source was 'Web'.", rules[0].Message);
        Assert.Equal("Web", rules[0].ValuesRead!["lead.source"].GetString());
        Assert.Equal(["lead.email"], rules[2].ValuesRead!.Keys);
        Assert.Equal("failed", rules[2].Result);
        Assert.StartsWith("Qualified: 2 of 3 rules passed, 2 needed.", trace.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QualifyLead_AllRulesNeeded_OneFails_NotQualified_AndDisqualifiedWhenAsked()
    {
        var (host, _, lead) = await LeadAsync();
        await using var _ = host;

        var run = await SalesWorkflow.RunAsync(host, $"lead:{lead.Id}", Activity("qualify", "Sfa.QualifyLead", new()
        {
            ["rules"] = ObjectJson(Rules), ["disqualifyWhenNotQualified"] = Literal(true, "Boolean"),
        }), "Qualified", "NotQualified");

        Assert.Equal("NotQualified", run.Port());
        await using var db = await host.OpenAsync();
        var stored = await db.Leads.SingleAsync(l => l.Id == lead.Id);
        Assert.Equal(LeadStatus.Disqualified, stored.Status);
        Assert.Equal("Did not meet the qualification rules: Reachable by e-mail.", stored.DisqualifiedReason);
        Assert.Equal("NotQualified", Assert.Single(await TracesAsync(host, lead.Id)).Result);
    }

    [Fact]
    public async Task ScoreLead_CapsAGroup_AndTheTotal_SetsScoreAndExplanationOnTheLead()
    {
        var (host, _, lead) = await LeadAsync(email: "ada@engines.example");
        await using var _ = host;
        const string points = """
            [{"name": "From the web", "condition": "lead.source === 'Web'", "points": 30, "group": "fit"},
             {"name": "Has a company", "condition": "!!lead.company", "points": 20, "group": "fit"},
             {"name": "E-mail", "condition": "!!lead.email", "points": 50},
             {"name": "Trade fair", "condition": "lead.source === 'Fair'", "points": 40}]
            """;

        var run = await SalesWorkflow.RunAsync(host, $"lead:{lead.Id}", Activity("score", "Sfa.ScoreLead", new()
        {
            ["rules"] = ObjectJson(points), ["groupCaps"] = ObjectJson("""{"fit": 40}"""), ["maximumScore"] = Literal(80, "Int32"),
        }), "Done");

        Assert.Equal("Done", run.Port());
        Assert.Equal(80, Convert.ToInt32(run.OutputOf("score", "score"), System.Globalization.CultureInfo.InvariantCulture));
        await using var db = await host.OpenAsync();
        var stored = await db.Leads.SingleAsync(l => l.Id == lead.Id);
        Assert.Equal(80, stored.Score);
        Assert.Contains("The rules add up to 90; the score is kept within 0 and 80.", stored.ScoreExplanation, StringComparison.Ordinal);
        Assert.Contains("Rule 'Has a company' gave 10 points (10 of its 20: group 'fit' is capped at 40): lead.company was 'Engines'.", stored.ScoreExplanation, StringComparison.Ordinal);
        Assert.Contains("Rule 'Trade fair' gave no points: lead.source was 'Web'.", stored.ScoreExplanation, StringComparison.Ordinal);
        var trace = Assert.Single(await TracesAsync(host, lead.Id));
        Assert.Equal((DecisionKind.Scoring, 80), (trace.Kind, trace.Score));
        Assert.Equal([30, 10, 50, 0], trace.ReadRules().Select(r => r.Points ?? -1));
    }

    [Fact]
    public async Task ConvertLead_GivesTheAccountContactAndDealIds()
    {
        var (host, _, lead) = await LeadAsync();
        await using var _ = host;

        var run = await SalesWorkflow.RunAsync(host, $"lead:{lead.Id}", Activity("convert", "Sfa.ConvertLead", new()
        {
            ["amount"] = Literal(1200, "Decimal"), ["opportunityName"] = Literal("Engines: first order"),
        }), "Done");

        Assert.Equal("Done", run.Port());
        await using var db = await host.OpenAsync();
        var stored = await db.Leads.SingleAsync(l => l.Id == lead.Id);
        Assert.Equal(LeadStatus.Converted, stored.Status);
        Assert.Equal(stored.ConvertedOpportunityId, Convert.ToInt64(run.OutputOf("convert", "opportunityId"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(stored.ConvertedAccountId, Convert.ToInt64(run.OutputOf("convert", "accountId"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Engines: first order", (await db.Opportunities.SingleAsync(o => o.Id == stored.ConvertedOpportunityId)).Name);
    }

    [Fact]
    public async Task UpdateRecord_SetsFields_WithJavaScriptValues_AndAnInvalidValueIsAnIncidentNamingTheField()
    {
        var (host, _, lead) = await LeadAsync();
        await using var _ = host;

        var ok = await SalesWorkflow.RunAsync(host, $"lead:{lead.Id}", Activity("update", "Sfa.UpdateRecord", new()
        {
            ["fields"] = ObjectJson("""{"source": "Fair", "phone": {"javascript": "'+44 ' + lead.id"}}"""),
        }), "Done");
        var bad = await SalesWorkflow.RunAsync(host, $"lead:{lead.Id}", Activity("update", "Sfa.UpdateRecord", new()
        {
            ["fields"] = ObjectJson("""{"email": "not an address"}"""),
        }), "Done");

        Assert.Equal("Done", ok.Port());
        await using var db = await host.OpenAsync();
        var stored = await db.Leads.SingleAsync(l => l.Id == lead.Id);
        Assert.Equal(("Fair", $"+44 {lead.Id}", "Ada Lovelace"), (stored.Source, stored.Phone, stored.Name));
        Assert.Equal(WorkflowSubStatus.Faulted, bad.SubStatus);
        var incident = Assert.Single(bad.Incidents);
        Assert.Contains("email: 'not an address' is not an e-mail address.", incident.Message, StringComparison.Ordinal);
        Assert.Null(stored.Email);
    }

    [Fact]
    public void StoredRules_ReadBack_AsJson()
    {
        var rules = DecisionTrace.WriteRules([new RuleOutcome("r", "lead.score > 1", new Dictionary<string, object?> { ["lead.score"] = 5 }, RuleOutcome.Passed, null, "m")]);
        Assert.Equal(5, JsonDocument.Parse(rules).RootElement[0].GetProperty("valuesRead").GetProperty("lead.score").GetInt32());
    }
}
