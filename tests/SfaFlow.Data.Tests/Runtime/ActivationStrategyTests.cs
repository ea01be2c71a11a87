using System.Text.Json.Nodes;
using SfaFlow.Data.Tests.Support;
using static SfaFlow.Workflows.Tests.Support.Wf;

namespace SfaFlow.Data.Tests.Runtime;

/// <summary>Elsa's activation strategies (<c>options.activationStrategyType</c>): whether a trigger starts an instance while others run.</summary>
public sealed class ActivationStrategyTests
{
    /// <summary>Started by the event Ping, then waits for Release (correlated), then ends.</summary>
    private static string Holder(string? strategy) => Json(
        [Activity("ping", "Elsa.Event", new JsonObject { ["eventName"] = Literal("Ping") }, canStartWorkflow: true), Event("release", "Release"), WriteLine("done", "released")],
        [Connect("ping", "release"), Connect("release", "done")],
        options: strategy is null ? null : new JsonObject { ["activationStrategyType"] = strategy });

    [Theory]
    [InlineData(null, new[] { 1, 1, 1, 1 })]
    [InlineData("Elsa.Workflows.Runtime.ActivationValidators.AllowAlwaysStrategy, Elsa.Workflows.Runtime", new[] { 1, 1, 1, 1 })]
    [InlineData("Elsa.Workflows.Runtime.ActivationValidators.SingletonStrategy, Elsa.Workflows.Runtime", new[] { 1, 0, 0, 1 })]
    [InlineData("Elsa.Workflows.Runtime.ActivationValidators.CorrelatedSingletonStrategy, Elsa.Workflows.Runtime", new[] { 1, 0, 1, 1 })]
    [InlineData("Elsa.Workflows.ActivationValidators.CorrelationStrategy", new[] { 1, 0, 1, 1 })]
    public async Task Trigger_WhileAnInstanceRuns_StartsWhatTheStrategyAllows(string? strategy, int[] expected)
    {
        await using var host = await RuntimeHost.CreateAsync();
        await host.PublishAsync(Holder(strategy));

        var first = await host.Runtime.DispatchEventAsync("Ping", "deal-1", null);
        var sameRecord = await host.Runtime.DispatchEventAsync("Ping", "deal-1", null);
        var otherRecord = await host.Runtime.DispatchEventAsync("Ping", "deal-2", null);
        // Every instance of deal-1 ends (under Singleton none of deal-2 started), so deal-1 may start again.
        await host.Runtime.DispatchEventAsync("Release", "deal-1", null);
        var afterwards = await host.Runtime.DispatchEventAsync("Ping", "deal-1", null);

        Assert.Equal(expected, new[] { first, sameRecord, otherRecord, afterwards }.Select(r => r.Started.Count));
    }

    [Fact]
    public async Task CorrelatedSingleton_WithoutACorrelationId_StartsEveryTime()
    {
        await using var host = await RuntimeHost.CreateAsync();
        await host.PublishAsync(Holder("CorrelatedSingletonStrategy"));

        var first = await host.Runtime.DispatchEventAsync("Ping", null, null);
        var second = await host.Runtime.DispatchEventAsync("Ping", " ", null);

        Assert.Equal((1, 1), (first.Started.Count, second.Started.Count));
    }
}
