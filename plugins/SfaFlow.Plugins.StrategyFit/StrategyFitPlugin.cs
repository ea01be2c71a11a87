using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Plugins.Operations;

namespace SfaFlow.Plugins.StrategyFit;

/// <summary>
/// Adds the <c>StrategyFit.Evaluate</c> activity and two operations: <c>evaluate</c> (body: a strategy, answer: its
/// evaluation) and <c>template</c> (the default criteria, for a UI form).
/// </summary>
public sealed class StrategyFitPlugin : ISfaFlowPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services)
    {
        // Nothing to add: the evaluation is pure computation over its input.
    }

    /// <inheritdoc />
    public void Register(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        plugin.AddActivity<EvaluateStrategy>();
        plugin.AddOperation(new PluginOperation("evaluate",
            "Evaluates a strategy. Body: {\"name\", \"criteria\": [{\"id\", \"dimension\", \"name\", \"weight\", \"score\" (1-5), \"advice\"}], \"thresholds\": {\"pursue\", \"reject\", \"floor\"}}. "
            + "Answer: dimension scores (0-100), overall score, verdict (Pursue, PursueWithChanges, Reject), summary and the weakest criteria.",
            call => ValueTask.FromResult<object?>(StrategyEvaluator.Evaluate(StrategyReader.Read(call.Body)))));
        plugin.AddOperation(new PluginOperation("template",
            "The default criteria (with questions, weights and advice), the 1-5 scale and the default thresholds, for a form; no body.",
            _ => ValueTask.FromResult<object?>(new
            {
                Dimensions = StrategyDimension.All.Select(d => new { Name = d, Question = StrategyDimension.Question(d), Advice = StrategyDimension.Advice(d) }),
                StrategyTemplate.Scale,
                StrategyTemplate.Criteria,
                Thresholds = StrategyThresholds.Default,
            })));
    }
}
