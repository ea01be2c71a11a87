using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SfaFlow.Plugins.PredictiveScoring;
using SfaFlow.Plugins.Sales;
using SfaFlow.Plugins.Scripting;
using SfaFlow.Plugins.Samples.Tests.Fakes;

namespace SfaFlow.Plugins.Samples.Tests.PredictiveScoring;

public sealed class PredictiveScoringPluginTests : IDisposable
{
    private readonly FakeSalesRecords _records = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;

    public PredictiveScoringPluginTests()
    {
        // History: accounts 1 (Retail) and 2 (Mining). 5 won deals, 4 on Retail; 5 lost deals, 1 on Retail.
        _records.Add("account", 1, new() { ["industry"] = "Retail", ["country"] = "DE" });
        _records.Add("account", 2, new() { ["industry"] = "Mining", ["country"] = "DE" });
        for (var i = 1; i <= 10; i++)
        {
            var won = i <= 5;
            var retail = won ? i <= 4 : i == 6;
            _records.Add("opportunity", 100 + i, new() { ["status"] = won ? "Won" : "Lost", ["accountId"] = retail ? 1L : 2L });
        }

        _services = Services();
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public void Register_AddsTheScoringActivityAndTheScriptFunction()
    {
        var builder = new RecordingPluginBuilder("PredictiveScoring");

        new PredictiveScoringPlugin().Register(builder);

        Assert.Equal(["PredictiveScoring.ScoreOpportunity"], builder.ActivityKeys);
        var function = Assert.Single(builder.Functions);
        Assert.Equal("predictWinProbability", function.Name);
        Assert.Equal(ScriptValueType.Record, Assert.Single(function.Parameters).Type);
        Assert.Equal(ScriptValueType.Number, function.Returns);
        Assert.Empty(builder.Operations);
        Assert.Empty(builder.Listeners);
    }

    [Fact]
    public async Task ScoreOpportunity_ForTheCorrelatedDeal_PredictsExplainsAndWritesTheProbability()
    {
        // Industry (K = 2): P(Retail|won) = (4+1)/(5+2), P(Retail|lost) = (1+1)/(5+2): ratio 2.5. Country DE is on every deal:
        // (5+1)/(5+1) both ways, ratio 1. Prior odds 5/5. Odds 2.5: 71.4 % -> 71.
        var deal = _records.Add("opportunity", 7, new() { ["status"] = "Open", ["accountId"] = 1L, ["probability"] = 20 });
        var activity = new ScoreOpportunity();
        var context = new FakeActivityContext(_services, "opportunity:7").With(activity.WriteProbability, true);

        await activity.ExecuteAsync(context);

        Assert.Equal(71, context.Output(activity.Probability));
        var factors = context.Output(activity.Factors)!;
        Assert.Equal((DealField.Industry, "Retail", 2.5, WinFactor.Raises), (factors[0].Field, factors[0].Value, factors[0].OddsRatio, factors[0].Direction));
        Assert.Equal((DealField.Country, WinFactor.Neutral), (factors[1].Field, factors[1].Direction));
        Assert.StartsWith("Win probability 71 %, from 5 won and 5 lost deals", context.Output(activity.Explanation), StringComparison.Ordinal);
        var update = Assert.Single(_records.Updates);
        Assert.Equal((deal, 71), (update.Record, (int)update.Changes["probabilityOverride"]!));
        Assert.Empty(context.Outcomes);
    }

    [Fact]
    public async Task ScoreOpportunity_WithoutWrite_OrOnAClosedDeal_LeavesTheDealAlone()
    {
        _records.Add("opportunity", 8, new() { ["status"] = "Open", ["accountId"] = 2L });
        var activity = new ScoreOpportunity();
        var open = new FakeActivityContext(_services).With(activity.Opportunity, "8");
        var closed = new FakeActivityContext(_services).With(activity.Opportunity, "opportunity:101").With(activity.WriteProbability, true);

        await activity.ExecuteAsync(open);
        await activity.ExecuteAsync(closed);

        // Mining: P = (1+1)/7 against (4+1)/7, ratio 0.4: 28.6 % -> 29.
        Assert.Equal(29, open.Output(activity.Probability));
        Assert.StartsWith("The deal is already Won", closed.Output(activity.Explanation), StringComparison.Ordinal);
        Assert.Empty(_records.Updates);
    }

    [Fact]
    public async Task ScoreOpportunity_WithoutADeal_SaysWhatIsMissing()
    {
        var activity = new ScoreOpportunity();

        var none = await Assert.ThrowsAsync<InvalidOperationException>(() => activity.ExecuteAsync(new FakeActivityContext(_services)).AsTask());
        var lead = await Assert.ThrowsAsync<InvalidOperationException>(() => activity.ExecuteAsync(new FakeActivityContext(_services, "lead:4")).AsTask());
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => activity.ExecuteAsync(new FakeActivityContext(_services, "opportunity:999")).AsTask());

        Assert.Contains("needs a deal", none.Message, StringComparison.Ordinal);
        Assert.Contains("'lead:4' is not one", lead.Message, StringComparison.Ordinal);
        Assert.Contains("there is no opportunity:999", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PredictWinProbability_TakesTheDealAsScriptsSeeIt()
    {
        var builder = new RecordingPluginBuilder("PredictiveScoring");
        new PredictiveScoringPlugin().Register(builder);
        var opportunity = new Dictionary<string, object?> { ["accountId"] = 1.0, ["status"] = "Open", ["probability"] = 10.0 };

        var result = builder.Functions[0].Invoke(new ScriptFunctionCall([opportunity], _services, CancellationToken.None));

        Assert.Equal(71.0, result);
    }

    [Fact]
    public async Task WinModelCache_TrainsOncePerRefreshInterval()
    {
        var cache = _services.GetRequiredService<WinModelCache>();

        var first = await cache.GetAsync(_records);
        var again = await cache.GetAsync(_records);
        _records.Add("opportunity", 200, new() { ["status"] = "Won", ["accountId"] = 2L });
        _time.Advance(TimeSpan.FromMinutes(59));
        var stillCached = await cache.GetAsync(_records);
        _time.Advance(TimeSpan.FromMinutes(1));
        var retrained = await cache.GetAsync(_records);

        Assert.Same(first, again);
        Assert.Same(first, stillCached);
        Assert.Equal((5, 5), (first.Won, first.Lost));
        Assert.Equal((6, 5), (retrained.Won, retrained.Lost));
        Assert.Equal(4, _records.Queries);
    }

    private ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ISalesRecords>(_records);
        services.AddSingleton<TimeProvider>(_time);
        new PredictiveScoringPlugin().ConfigureServices(services);
        return services.BuildServiceProvider();
    }
}
