using SfaFlow.Plugins.Tests.Support;
using SfaFlow.Workflows.Instances;
using SfaFlow.Workflows.Plugins;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Plugins.Tests;

/// <summary>The test plugin loads through the real loader, appears in the catalogs, and its activities and functions run in workflows.</summary>
public sealed class PluginLoadingTests
{
    [Fact]
    public void Load_GoodPlugin_ListsItLoadedWithItsContributionsAndHash()
    {
        using var host = new PluginTestHost();
        var folder = host.Add();

        var info = Assert.Single(host.Plugins.LoadAll());

        Assert.Equal(PluginState.Loaded, info.State);
        Assert.Equal(("Good", "1.0.0", "1.2"), (info.Id, info.Version, info.AbiVersion));
        Assert.Equal(["Good.Score", "Good.WaitForApproval", "Good.Fail", "Good.Hang"], info.Activities);
        Assert.Equal(["goodScore"], info.Functions);
        Assert.Equal(["SfaFlow.TestPlugins.Good.WonListener"], info.Listeners);
        Assert.Equal("evaluate", Assert.Single(info.Operations).Name);
        Assert.Equal(PluginHash.Compute(folder), info.Hash);
        Assert.Same(info, host.Plugins.Catalog.Find("good"));
    }

    [Fact]
    public void Load_PluginActivity_CarriesFullMetadataAndThePluginAsSource()
    {
        using var host = new PluginTestHost();
        host.Add();
        host.Plugins.LoadAll();

        var score = host.Engine.Engine.Activities.Find("Good.Score");

        Assert.NotNull(score);
        Assert.Equal(("Score deal", "Good", "Scores a deal by its amount.", "Good"), (score.DisplayName, score.Category, score.Description, score.Source));
        Assert.Equal(["High", "Low"], score.Outcomes);
        var amount = Assert.Single(score.Inputs);
        Assert.Equal(("amount", "Amount", "The deal amount.", "singleline", true), (amount.Name, amount.DisplayName, amount.Description, amount.UIHint, amount.IsRequired));
        Assert.Equal("result", Assert.Single(score.Outputs).Name);
    }

    [Fact]
    public async Task Run_PluginActivity_RunsInThePluginScopeActingForTheInstance()
    {
        using var host = new PluginTestHost();
        host.Add();
        host.Plugins.LoadAll();
        var definition = Definition(
            [Start(), Activity("score", "Good.Score", new() { ["amount"] = Literal(800, "Double") }), WriteLine("high", "high"), WriteLine("low", "low")],
            [Connect("start", "score"), Connect("score", "high", "High"), Connect("score", "low", "Low")]);

        var instance = await host.Engine.StartAsync(definition);

        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal(["high"], host.Engine.Lines.Lines);
        Assert.Equal("scored by v1", instance.Output["version"]);
        Assert.Equal($"Workflow:{instance.Id}", instance.Output["caller"]);
    }

    [Fact]
    public async Task Run_ScriptCallsPluginFunction_GetsItsResultAsData()
    {
        using var host = new PluginTestHost();
        host.Add();
        host.Plugins.LoadAll();
        var definition = Definition(
            [Start(), WriteLineJs("say", "const r = goodScore(100, {bonus: 1}); 'score ' + r.value + ' ' + r.version")],
            [Connect("start", "say")]);

        var instance = await host.Engine.StartAsync(definition);

        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal(["score 201 v1"], host.Engine.Lines.Lines);
    }

    [Fact]
    public async Task Run_ScriptPassesWrongArgumentType_FaultsWithTypeErrorNamingTheParameter()
    {
        using var host = new PluginTestHost();
        host.Add();
        host.Plugins.LoadAll();
        var definition = Definition([Start(), WriteLineJs("say", "'' + goodScore('a lot')")], [Connect("start", "say")]);

        var instance = await host.Engine.StartAsync(definition);

        var incident = Assert.Single(instance.Incidents);
        Assert.Contains("goodScore: parameter 'amount' must be a number, not a string", incident.Message, StringComparison.Ordinal);
    }
}
