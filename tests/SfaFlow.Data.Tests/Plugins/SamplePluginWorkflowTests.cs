using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Data.Tests.Sales;
using SfaFlow.Data.Tests.Support;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Plugins;
using SfaFlow.Workflows.Runtime;
using SfaFlow.Workflows.Tests.Support;
using SfaFlow.Data.Tests.SalesWorkflows;
using static SfaFlow.Data.Tests.SalesWorkflows.TriggerWorld;

namespace SfaFlow.Data.Tests.Plugins;

/// <summary>
/// The sample plugins as the build ships them, loaded by the real loader into a host with the real sales services (so their
/// <c>ISalesRecords</c> is the host's adapter acting for the workflow), their activities and script functions run inside
/// published workflows by the runtime.
/// </summary>
public sealed class SamplePluginWorkflowTests(SamplePluginWorkflowTests.BuiltSamplePlugins plugins) : IClassFixture<SamplePluginWorkflowTests.BuiltSamplePlugins>
{
    private const string Pursue = """
        {"name": "Grow the installed base", "criteria": [
          {"dimension": "Suitability", "name": "Fit", "weight": 3, "score": 4},
          {"dimension": "Feasibility", "name": "Resources", "weight": 3, "score": 4},
          {"dimension": "Acceptability", "name": "Return", "weight": 3, "score": 5}]}
        """;

    private const string WithChanges = """
        {"name": "Partner channel", "criteria": [
          {"dimension": "Suitability", "name": "Fit", "weight": 3, "score": 3},
          {"dimension": "Feasibility", "name": "Resources", "weight": 3, "score": 3},
          {"dimension": "Acceptability", "name": "Return", "weight": 3, "score": 3}]}
        """;

    private const string Reject = """
        {"name": "Enter the Austrian market", "criteria": [
          {"id": "market-fit", "dimension": "Suitability", "name": "Fit", "weight": 3, "score": 4},
          {"id": "resources", "dimension": "Feasibility", "name": "Resources available", "weight": 3, "score": 2, "advice": "Hire two reps first."},
          {"id": "return", "dimension": "Acceptability", "name": "Expected return", "weight": 3, "score": 4}]}
        """;

    [Fact]
    public async Task ScoreOpportunity_WritesThePredictionToTheOpenDeal_AuditedToTheWorkflow_WithTheSeparatingFieldAsFactor()
    {
        await using var host = await CreateHostAsync();
        var history = await History.CreateAsync(host);
        var world = new TriggerWorld(host);
        await world.PublishAsync("score-deal",
            [Wf.Activity("score", "PredictiveScoring.ScoreOpportunity", new() { ["writeProbability"] = Wf.Literal(true, "Boolean") })]);

        var instance = await world.Runtime.StartAsync("score-deal", new StartRequest { CorrelationId = $"opportunity:{history.OpenRetail.Id}" });

        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        var outputs = instance.ActivityOutputs["score"];
        var probability = Convert.ToInt32(outputs["probability"], CultureInfo.InvariantCulture);
        // 5 won in Retail, 5 lost in Mining: odds 1 × (6/7)/(1/7) = 6, so 86 %; every other field is the same on all deals.
        Assert.Equal(86, probability);
        // The host holds the factors as JSON written with the plugin's options, never the plugin's own records.
        var factors = Assert.IsType<JsonArray>(outputs["factors"]);
        var strongest = factors[0]!;
        Assert.Equal(("industry", "Retail", "raises"), ((string)strongest["field"]!, (string)strongest["value"]!, (string)strongest["direction"]!));
        Assert.Equal((5, 0), ((int)strongest["won"]!, (int)strongest["lost"]!));
        Assert.All(factors.Skip(1), f => Assert.Equal("neutral", (string)f!["direction"]!));
        Assert.Contains("Raised by: Industry Retail", (string)outputs["explanation"]!, StringComparison.Ordinal);

        await using var db = await host.OpenAsync();
        var deal = await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == history.OpenRetail.Id);
        Assert.Equal((86, 86, 10), (deal.ProbabilityOverride, deal.Probability, deal.StageProbability));
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.RecordType == "Opportunity" && a.RecordId == deal.Id && a.Field == "ProbabilityOverride");
        Assert.Equal(("86", instance.Id, (long?)null), (audit.NewValue, audit.ByWorkflowInstanceId, audit.ByUserId));
    }

    [Fact]
    public async Task ScoreOpportunity_OnAClosedDeal_ScoresButLeavesItsProbability()
    {
        await using var host = await CreateHostAsync();
        var history = await History.CreateAsync(host);
        var world = new TriggerWorld(host);
        await world.PublishAsync("score-deal",
            [Wf.Activity("score", "PredictiveScoring.ScoreOpportunity", new() { ["writeProbability"] = Wf.Literal(true, "Boolean") })]);

        var instance = await world.Runtime.StartAsync("score-deal", new StartRequest { CorrelationId = $"opportunity:{history.LostMining.Id}" });

        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.StartsWith("The deal is already Lost", (string)instance.ActivityOutputs["score"]["explanation"]!, StringComparison.Ordinal);
        await using var db = await host.OpenAsync();
        Assert.Null((await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == history.LostMining.Id)).ProbabilityOverride);
    }

    [Fact]
    public async Task PredictWinProbability_InScripts_GivesTheModelsNumber_HigherForTheWinningIndustry()
    {
        await using var host = await CreateHostAsync();
        var history = await History.CreateAsync(host);
        var world = new TriggerWorld(host);
        // The deal as workflow scripts see it, handed in as input; the decision reads the same function.
        await world.PublishAsync("chance",
            [SetVariableJs("predict", "Chance", "predictWinProbability(getInput('opportunity'))"),
             Wf.Decision("likely", "predictWinProbability(getInput('opportunity')) >= 50")],
            [Wf.Connect("predict", "likely")], [Wf.Variable("Chance", "Object")]);

        var retail = await RunForAsync(history.OpenRetail);
        var mining = await RunForAsync(history.OpenMining);

        Assert.Equal(86.0, Convert.ToDouble(retail.Variables["Chance"], CultureInfo.InvariantCulture));
        Assert.Equal(["True"], Outcomes(retail, "likely"));
        Assert.Equal(14.0, Convert.ToDouble(mining.Variables["Chance"], CultureInfo.InvariantCulture));
        Assert.Equal(["False"], Outcomes(mining, "likely"));

        async Task<WorkflowInstance> RunForAsync(Opportunity deal)
        {
            await using var db = await host.OpenAsync();
            var loaded = await db.Opportunities.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Id == deal.Id);
            var stage = await db.Stages.AsNoTracking().SingleAsync(s => s.Id == loaded.StageId);
            var view = OpportunityScriptView.Create(loaded, stage, []);
            var instance = await world.Runtime.StartAsync("chance",
                new StartRequest { CorrelationId = $"opportunity:{deal.Id}", Input = new Dictionary<string, object?> { ["opportunity"] = view } });
            Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
            return instance;
        }
    }

    [Fact]
    public async Task PredictWinProbability_InAScheduleCondition_PicksTheDealsLikelyToBeWon()
    {
        await using var host = await CreateHostAsync();
        var history = await History.CreateAsync(host);
        var world = new TriggerWorld(host);
        await world.PublishAsync("likely-deals",
            [Wf.Activity("morning", "Sfa.Schedule", new()
            {
                ["cronExpression"] = Wf.Literal("0 0 8 * * *"), ["recordType"] = Wf.Literal("Opportunity"),
                ["query"] = Wf.Literal("status=Open"), ["condition"] = Wf.Literal("predictWinProbability(opportunity) >= 50"),
            }, canStartWorkflow: true)],
            []);
        var trigger = (await host.Get<SfaFlow.Workflows.Runtime.Definitions.IWorkflowDefinitionStore>().ListScheduledTriggersAsync()).Single(t => t.DefinitionId == "likely-deals");
        var from = host.Clock.GetUtcNow();

        var started = await world.Runtime.FireTriggerOccurrencesAsync(trigger, from, from.AddDays(1));

        Assert.Equal(1, started);
        Assert.Equal($"opportunity:{history.OpenRetail.Id}", Assert.Single(await world.InstancesAsync("likely-deals")).CorrelationId);
    }

    [Fact]
    public async Task NormalizePhone_RewritesTheLeadsNumberInE164_ThroughTheSalesRecords_Audited()
    {
        await using var host = await CreateHostAsync();
        var s = await SalesScenario.CreateAsync(host);
        var lead = await host.Get<LeadService>().CreateAsync(new LeadFields { Name = "Ada", Phone = "030 1234567" }, s.Rep);
        var world = new TriggerWorld(host);
        // A lead has no country of its own (only an account's 'country' is read as the default region), so the step names it.
        await world.PublishAsync("normalize",
            [Wf.Activity("normalize", "PhoneNumbers.NormalizePhone", new() { ["defaultRegion"] = Wf.Literal("DE") }),
             SetVariableJs("script", "Formatted", "formatPhoneNumber('030 1234567', 'DE')")],
            [Wf.Connect("normalize", "script", "Normalized")], [Wf.Variable("Formatted", "Object")]);

        var instance = await world.Runtime.StartAsync("normalize", new StartRequest { CorrelationId = $"lead:{lead.Id}" });

        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal(["Normalized"], Outcomes(instance, "normalize"));
        Assert.Equal(("+49301234567", "030 1234567"), ((string?)instance.ActivityOutputs["normalize"]["phone"], (string?)instance.ActivityOutputs["normalize"]["original"]));
        Assert.Equal("+49301234567", instance.Variables["Formatted"]?.ToString());
        await using var db = await host.OpenAsync();
        Assert.Equal("+49301234567", (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead.Id)).Phone);
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.RecordType == "Lead" && a.RecordId == lead.Id && a.Field == "Phone");
        Assert.Equal(("030 1234567", "+49301234567", instance.Id), (audit.OldValue, audit.NewValue, audit.ByWorkflowInstanceId));
    }

    [Fact]
    public async Task NormalizePhone_OnAnAccount_TakesItsCountryAsTheDefaultRegion_AndLeavesE164Unchanged()
    {
        await using var host = await CreateHostAsync();
        var s = await SalesScenario.CreateAsync(host);
        var accounts = host.Get<AccountService>();
        var berlin = await accounts.CreateAsync(new AccountFields { Name = "Berlin Engines", Country = "DE", Phone = "030 1234567" }, s.Rep);
        var done = await accounts.CreateAsync(new AccountFields { Name = "Done Engines", Country = "DE", Phone = "+49301234567" }, s.Rep);
        var world = new TriggerWorld(host);
        await world.PublishAsync("normalize-account", [Wf.Activity("normalize", "PhoneNumbers.NormalizePhone")]);

        var normalized = await world.Runtime.StartAsync("normalize-account", new StartRequest { CorrelationId = $"account:{berlin.Id}" });
        var unchanged = await world.Runtime.StartAsync("normalize-account", new StartRequest { CorrelationId = $"account:{done.Id}" });

        Assert.Equal(["Normalized"], Outcomes(normalized, "normalize"));
        Assert.Equal(["Unchanged"], Outcomes(unchanged, "normalize"));
        await using var db = await host.OpenAsync();
        Assert.Equal("+49301234567", (await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == berlin.Id)).Phone);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.RecordType == "Account" && a.RecordId == done.Id && a.Field == "Phone"));
    }

    [Fact]
    public async Task NormalizePhone_AnInvalidNumber_TakesTheInvalidPort_AndLeavesTheLeadAlone()
    {
        await using var host = await CreateHostAsync();
        var s = await SalesScenario.CreateAsync(host);
        var lead = await host.Get<LeadService>().CreateAsync(new LeadFields { Name = "Bob", Phone = "12" }, s.Rep);
        var world = new TriggerWorld(host);
        await world.PublishAsync("normalize",
            [Wf.Activity("normalize", "PhoneNumbers.NormalizePhone", new() { ["defaultRegion"] = Wf.Literal("DE") }),
             SetVariableJs("fix", "Fix", "'ask the owner to fix ' + getOutputFrom('normalize', 'original')")],
            [Wf.Connect("normalize", "fix", "Invalid")], [Wf.Variable("Fix", "Object")]);

        var instance = await world.Runtime.StartAsync("normalize", new StartRequest { CorrelationId = $"lead:{lead.Id}" });

        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal(["Invalid"], Outcomes(instance, "normalize"));
        Assert.Equal("ask the owner to fix 12", instance.Variables["Fix"]?.ToString());
        await using var db = await host.OpenAsync();
        Assert.Equal("12", (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead.Id)).Phone);
    }

    [Theory]
    [InlineData(Pursue, "Pursue")]
    [InlineData(WithChanges, "PursueWithChanges")]
    [InlineData(Reject, "Reject")]
    public async Task StrategyFitEvaluate_LeavesOnThePortOfItsVerdict(string strategy, string verdict)
    {
        await using var host = await CreateHostAsync();
        var world = new TriggerWorld(host);
        string[] ports = ["Pursue", "PursueWithChanges", "Reject"];
        await world.PublishAsync("fit",
            [Wf.Activity("fit", "StrategyFit.Evaluate", new() { ["strategy"] = Wf.Literal(strategy) }),
             .. ports.Select(p => SetVariableJs($"on{p}", "Route", $"'{p} at ' + getOutputFrom('fit', 'overall')"))],
            [.. ports.Select(p => Wf.Connect("fit", $"on{p}", p))], [Wf.Variable("Route", "Object")]);

        var instance = await world.Runtime.StartAsync("fit", new StartRequest());

        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal([verdict], Outcomes(instance, "fit"));
        Assert.Equal(verdict, (string?)instance.ActivityOutputs["fit"]["verdict"]);
        Assert.StartsWith($"{verdict} at ", instance.Variables["Route"]?.ToString(), StringComparison.Ordinal);
        Assert.Equal([$"on{verdict}"], instance.Journal.Where(j => j.ActivityId.StartsWith("on", StringComparison.Ordinal)).Select(j => j.ActivityId));
    }

    [Fact]
    public async Task StrategyFitEvaluate_ABadWeight_IsAnIncidentNamingThePath()
    {
        await using var host = await CreateHostAsync();
        var world = new TriggerWorld(host);
        var bad = JsonNode.Parse(Reject)!;
        bad["criteria"]![2]!["weight"] = 0;
        await world.PublishAsync("fit", [Wf.Activity("fit", "StrategyFit.Evaluate", new() { ["strategy"] = Wf.Literal(bad.ToJsonString()) })]);

        var instance = await world.Runtime.StartAsync("fit", new StartRequest());

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        Assert.Contains("criteria[2].weight", Assert.Single(instance.Incidents).Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Outcomes(WorkflowInstance instance, string activityId) =>
        instance.Journal.Single(j => j.ActivityId == activityId).Outcomes ?? [];

    /// <summary>A sales host with the plugin loader on the copied sample plugins, all three loaded (as the web host's startup does).</summary>
    private async Task<SalesHost> CreateHostAsync()
    {
        var host = await SalesHost.CreateAsync(services =>
        {
            services.AddSfaFlowPlugins();
            services.Configure<PluginOptions>(o => o.Folder = plugins.Folder);
        });
        var loaded = host.Get<PluginManager>().LoadAll();
        Assert.All(loaded, p => Assert.True(p.State == PluginState.Loaded, $"{p.Id}: {p.Failure} {p.Reason}"));
        Assert.Equal(["PhoneNumbers", "PredictiveScoring", "StrategyFit"], loaded.Select(p => p.Id).Order(StringComparer.Ordinal));
        return host;
    }

    /// <summary>
    /// Won and lost deals that only the account's industry tells apart (5 won in Retail, 5 lost in Mining, all else equal),
    /// and an open deal in each industry.
    /// </summary>
    private sealed record History(Opportunity OpenRetail, Opportunity OpenMining, Opportunity LostMining)
    {
        public static async Task<History> CreateAsync(SalesHost host)
        {
            var s = await SalesScenario.CreateAsync(host);
            var accounts = host.Get<AccountService>();
            var retail = await accounts.CreateAsync(new AccountFields { Name = "Shops Ltd", Industry = "Retail", Country = "DE" }, s.Rep);
            var mining = await accounts.CreateAsync(new AccountFields { Name = "Mines Ltd", Industry = "Mining", Country = "DE" }, s.Rep);
            var deals = host.Get<OpportunityService>();
            Opportunity? lost = null;
            for (var i = 0; i < 5; i++)
            {
                var won = await deals.CreateAsync(Deals.Fields(s, $"Won {i}", 1000m, "EUR", new DateOnly(2027, 1, 15)) with { AccountId = retail.Id }, new(), s.Rep);
                await deals.WinAsync(won.Id, null, s.Rep);
                lost = await deals.CreateAsync(Deals.Fields(s, $"Lost {i}", 1000m, "EUR", new DateOnly(2027, 1, 15)) with { AccountId = mining.Id }, new(), s.Rep);
                await deals.LoseAsync(lost.Id, "Price", null, null, s.Rep);
            }

            var openRetail = await deals.CreateAsync(Deals.Fields(s, "Open retail", 1000m, "EUR", new DateOnly(2027, 3, 1)) with { AccountId = retail.Id }, new(), s.Rep);
            var openMining = await deals.CreateAsync(Deals.Fields(s, "Open mining", 1000m, "EUR", new DateOnly(2027, 3, 1)) with { AccountId = mining.Id }, new(), s.Rep);
            return new History(openRetail, openMining, lost!);
        }
    }

    /// <summary>
    /// The sample plugins the build put in the test output's <c>plugins/</c> (beside the delivery tests' test plugin, left
    /// out), copied once per class to a temporary folder.
    /// </summary>
    public sealed class BuiltSamplePlugins : IDisposable
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("sfaflow-sample-plugins-").FullName;

        public BuiltSamplePlugins()
        {
            var built = Path.Combine(AppContext.BaseDirectory, "plugins");
            foreach (var file in Directory.EnumerateDirectories(built, "SfaFlow.Plugins.*").SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories)))
            {
                var target = Path.Combine(Folder, Path.GetRelativePath(built, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }
}
