using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Plugins.Operations;
using SfaFlow.Plugins.StrategyFit;
using SfaFlow.Plugins.Samples.Tests.Fakes;

namespace SfaFlow.Plugins.Samples.Tests.StrategyFit;

public sealed class StrategyFitPluginTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private readonly RecordingPluginBuilder _builder = new("StrategyFit");

    public StrategyFitPluginTests() => new StrategyFitPlugin().Register(_builder);

    public void Dispose() => _services.Dispose();

    [Fact]
    public void Register_AddsTheActivityAndTheEvaluateAndTemplateOperations()
    {
        Assert.Equal(["StrategyFit.Evaluate"], _builder.ActivityKeys);
        Assert.Equal(["evaluate", "template"], _builder.Operations.Select(o => o.Name));
        Assert.Empty(_builder.Functions);
        Assert.Empty(_builder.Listeners);
    }

    [Fact]
    public async Task EvaluateOperation_EvaluatesTheBody_AndRejectsAnInvalidOneWithItsPath()
    {
        var evaluation = await Invoke("evaluate", Scored(5));
        var invalid = await Assert.ThrowsAsync<PluginInputException>(() => Invoke("evaluate", "{\"criteria\": 3}"));

        Assert.Equal(StrategyVerdict.Pursue, Assert.IsType<StrategyEvaluation>(evaluation).Verdict);
        Assert.Equal("criteria", invalid.Path);
    }

    [Fact]
    public async Task TemplateOperation_GivesCriteriaThatEvaluateOnceScored()
    {
        var template = await Invoke("template", "null");

        Assert.NotNull(template);
        Assert.All(StrategyDimension.All, d => Assert.Contains(StrategyTemplate.Criteria, c => c.Dimension == d));
        var evaluation = StrategyEvaluator.Evaluate(StrategyReader.Parse(Scored(3)));
        Assert.Equal(50, evaluation.Overall);
        Assert.Equal(StrategyTemplate.Criteria.Count, evaluation.Dimensions.Sum(d => d.Criteria));
    }

    [Theory]
    [InlineData(5, StrategyVerdict.Pursue)]
    [InlineData(3, StrategyVerdict.PursueWithChanges)]
    [InlineData(2, StrategyVerdict.Reject)]
    public async Task Evaluate_LeavesOnThePortOfItsVerdict(int score, string verdict)
    {
        var activity = new EvaluateStrategy();
        var context = new FakeActivityContext(_services).With(activity.Strategy, Scored(score));

        await activity.ExecuteAsync(context);

        Assert.Equal([verdict], context.Outcomes);
        Assert.Equal(verdict, context.Output(activity.Verdict));
        Assert.Equal((score - 1) * 25.0, context.Output(activity.Overall));
        Assert.Equal(context.Output(activity.Evaluation)!.Weakest, context.Output(activity.Weakest));
    }

    [Fact]
    public async Task Evaluate_ThresholdInputs_OverrideAndAreChecked()
    {
        var activity = new EvaluateStrategy();
        var lenient = new FakeActivityContext(_services).With(activity.Strategy, Scored(3)).With(activity.PursueFrom, 50.0);
        var wrong = new FakeActivityContext(_services).With(activity.Strategy, Scored(3)).With(activity.RejectBelow, 101.0);

        await activity.ExecuteAsync(lenient);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => activity.ExecuteAsync(wrong).AsTask());

        Assert.Equal([StrategyVerdict.Pursue], lenient.Outcomes);
        Assert.Contains("(reject)", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The default template with every criterion at the same score.</summary>
    private static string Scored(int score) => JsonSerializer.Serialize(new
    {
        name = "Template",
        criteria = StrategyTemplate.Criteria.Select(c => new { id = c.Id, dimension = c.Dimension, name = c.Name, weight = c.Weight, score }),
    });

    private async Task<object?> Invoke(string name, string body)
    {
        using var document = JsonDocument.Parse(body);
        var operation = _builder.Operations.Single(o => o.Name == name);
        return await operation.Invoke(new PluginOperationCall(document.RootElement.Clone(), "admin", _services, CancellationToken.None));
    }
}
