using System.Net;
using System.Text.Json;
using SfaFlow.Sales.Organization;
using SfaFlow.Web.Tests.Support;

namespace SfaFlow.Web.Tests.Plugins;

/// <summary>
/// The real host with the sample plugins as the build ships them (the test output's <c>plugins/</c>): what
/// <c>/api/plugins</c> and <c>/api/activities</c> say about them, and StrategyFit's operations over HTTP.
/// </summary>
public sealed class PluginEndpointsTests(PluginEndpointsTests.SamplePluginsHost host) : IClassFixture<PluginEndpointsTests.SamplePluginsHost>
{
    private const string Strategy = """
        {"name": "Enter the Austrian market", "criteria": [
          {"id": "market-fit", "dimension": "Suitability", "name": "Fit", "weight": 3, "score": 4},
          {"id": "resources", "dimension": "Feasibility", "name": "Resources available", "weight": 3, "score": 2, "advice": "Hire two reps first."},
          {"id": "return", "dimension": "Acceptability", "name": "Expected return", "weight": 3, "score": 4}]}
        """;

    [Theory]
    [InlineData(SalesRole.Admin)]
    [InlineData(SalesRole.Developer)]
    public async Task ListPlugins_ShowsTheThreeSamplesLoaded_WithHashAndWhatEachAdded(SalesRole role)
    {
        using var client = host.Factory.CreateClient(role);

        var plugins = (await (await client.GetAsync("/api/plugins")).JsonAsync()).EnumerateArray().ToDictionary(p => p.Text("id"));

        Assert.Equal(["PhoneNumbers", "PredictiveScoring", "StrategyFit"], plugins.Keys.Order(StringComparer.Ordinal));
        foreach (var plugin in plugins.Values)
        {
            Assert.Equal(("Loaded", "1.0.0", "1.2"), (plugin.Text("state"), plugin.Text("version"), plugin.Text("abiVersion")));
            Assert.Matches("^[0-9a-f]{64}$", plugin.Text("hash"));
        }

        Assert.Equal(["PredictiveScoring.ScoreOpportunity"], Strings(plugins["PredictiveScoring"], "activities"));
        Assert.Equal(["predictWinProbability"], Strings(plugins["PredictiveScoring"], "functions"));
        Assert.Equal(["PhoneNumbers.NormalizePhone"], Strings(plugins["PhoneNumbers"], "activities"));
        Assert.Equal(["formatPhoneNumber"], Strings(plugins["PhoneNumbers"], "functions"));
        Assert.Equal(["StrategyFit.Evaluate"], Strings(plugins["StrategyFit"], "activities"));
        Assert.Equal(["evaluate", "template"], plugins["StrategyFit"].GetProperty("operations").EnumerateArray().Select(o => o.Text("name")).Order(StringComparer.Ordinal));
        Assert.All(plugins["StrategyFit"].GetProperty("operations").EnumerateArray(), o => Assert.False(string.IsNullOrWhiteSpace(o.Text("description"))));
    }

    [Fact]
    public async Task ListPlugins_IsForDesigners_ARepIsRefused_ButMayReadWhatOnePluginOffers_NotWhereItLives()
    {
        using var rep = host.Factory.CreateClient(SalesRole.Rep);
        using var developer = host.Factory.CreateClient(SalesRole.Developer);

        var list = await rep.GetAsync("/api/plugins");
        var one = await (await rep.GetAsync("/api/plugins/StrategyFit")).JsonAsync();
        var full = await (await developer.GetAsync("/api/plugins/StrategyFit")).JsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(("StrategyFit", "Loaded", 2), (one.Text("id"), one.Text("state"), one.GetProperty("operations").GetArrayLength()));
        Assert.Equal(("", JsonValueKind.Null), (one.Text("folder"), one.GetProperty("hash").ValueKind));
        Assert.EndsWith("SfaFlow.Plugins.StrategyFit", full.Text("folder"), StringComparison.Ordinal);
        Assert.Equal(64, full.Text("hash").Length);
    }

    [Fact]
    public async Task Activities_DescribeThePluginActivity_WithItsInputsOutputsAndOutcomes()
    {
        using var client = host.Factory.CreateClient(SalesRole.Rep);

        var all = (await (await client.GetAsync("/api/activities")).JsonAsync()).EnumerateArray().ToList();
        var score = all.Single(a => a.Text("typeKey") == "PredictiveScoring.ScoreOpportunity");
        var evaluate = await (await client.GetAsync("/api/activities/StrategyFit.Evaluate")).JsonAsync();

        Assert.Equal(("Sales", "Predict win probability", "PredictiveScoring"), (score.Text("category"), score.Text("displayName"), score.Text("source")));
        var inputs = score.GetProperty("inputs").EnumerateArray().ToDictionary(i => i.Text("name"));
        Assert.Equal(["opportunity", "writeProbability"], inputs.Keys);
        Assert.Equal(("checkbox", false), (inputs["writeProbability"].Text("uiHint"), inputs["writeProbability"].GetProperty("defaultValue").GetBoolean()));
        Assert.Equal(["probability", "factors", "explanation"], score.GetProperty("outputs").EnumerateArray().Select(o => o.Text("name")));
        Assert.All(score.GetProperty("outputs").EnumerateArray(), o => Assert.False(string.IsNullOrWhiteSpace(o.Text("description"))));
        Assert.Equal(["Pursue", "PursueWithChanges", "Reject"], evaluate.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()));
        Assert.Contains(all, a => a.Text("typeKey") == "PhoneNumbers.NormalizePhone");
    }

    [Fact]
    public async Task EvaluateOperation_AsARep_AnswersTheEvaluation()
    {
        using var rep = host.Factory.CreateClient(SalesRole.Rep);

        var evaluation = await (await rep.PostJsonAsync("/api/plugins/StrategyFit/operations/evaluate", Strategy)).JsonAsync();

        // Suitability 75, feasibility 25 (below the floor of 40), acceptability 75.
        Assert.Equal(("Enter the Austrian market", "Reject"), (evaluation.Text("name"), evaluation.Text("verdict")));
        Assert.Equal(58.3, evaluation.GetProperty("overall").GetDouble());
        var feasibility = evaluation.GetProperty("dimensions").EnumerateArray().Single(d => d.Text("dimension") == "Feasibility");
        Assert.Equal((25.0, true), (feasibility.GetProperty("score").GetDouble(), feasibility.GetProperty("belowFloor").GetBoolean()));
        var weakest = evaluation.GetProperty("weakest").EnumerateArray().First();
        Assert.Equal(("resources", "Hire two reps first."), (weakest.Text("id"), weakest.Text("advice")));
    }

    [Fact]
    public async Task EvaluateOperation_ABadWeight_IsA400NamingThePath()
    {
        using var rep = host.Factory.CreateClient(SalesRole.Rep);
        var bad = Strategy.Replace("\"weight\": 3, \"score\": 4}]}", "\"weight\": -1, \"score\": 4}]}", StringComparison.Ordinal);

        var problem = await (await rep.PostJsonAsync("/api/plugins/StrategyFit/operations/evaluate", bad)).ProblemAsync(HttpStatusCode.BadRequest);

        var error = Assert.Single(problem.Items("errors"));
        Assert.Equal("criteria[2].weight", error.Text("path"));
        Assert.Contains("weight", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOperation_WithABodyThatIsNotJson_IsA400()
    {
        using var rep = host.Factory.CreateClient(SalesRole.Rep);

        var problem = await (await rep.PostJsonAsync("/api/plugins/StrategyFit/operations/evaluate", "{\"name\":")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("$", Assert.Single(problem.Items("errors")).Text("path"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{}")]
    public async Task TemplateOperation_GivesTheDefaultCriteriaScaleAndThresholds(string? body)
    {
        using var rep = host.Factory.CreateClient(SalesRole.Rep);

        var template = await (await rep.PostJsonAsync("/api/plugins/StrategyFit/operations/template", body)).JsonAsync();

        Assert.Equal(["Suitability", "Feasibility", "Acceptability"], template.GetProperty("dimensions").EnumerateArray().Select(d => d.Text("name")));
        Assert.Equal(9, template.GetProperty("criteria").GetArrayLength());
        Assert.Equal(5, template.GetProperty("scale").EnumerateObject().Count());
        var thresholds = template.GetProperty("thresholds");
        Assert.Equal((70.0, 50.0, 40.0), (thresholds.GetProperty("pursue").GetDouble(), thresholds.GetProperty("reject").GetDouble(), thresholds.GetProperty("floor").GetDouble()));
    }

    [Fact]
    public async Task AnUnknownOperation_IsA404()
    {
        using var rep = host.Factory.CreateClient(SalesRole.Rep);

        var problem = await (await rep.PostJsonAsync("/api/plugins/StrategyFit/operations/nothing", "{}")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("'nothing'", problem.Text("detail"), StringComparison.Ordinal);
    }

    private static List<string?> Strings(JsonElement plugin, string property) => [.. plugin.GetProperty(property).EnumerateArray().Select(e => e.GetString())];

    /// <summary>One host per class, its plugins folder the sample plugins the build put next to the tests.</summary>
    public sealed class SamplePluginsHost : IAsyncLifetime, IDisposable
    {
        public SfaFlowApiFactory Factory { get; } = new(null, new Dictionary<string, string?>
        {
            ["SfaFlow:Plugins:Folder"] = Path.Combine(AppContext.BaseDirectory, "plugins"),
        });

        public Task InitializeAsync() => Factory.InitializeAsync();

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => Factory.Dispose();
    }
}
