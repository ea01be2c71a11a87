using SfaFlow.Plugins.Activities;
using SfaFlow.Plugins.Operations;

namespace SfaFlow.Plugins.StrategyFit;

/// <summary>
/// Evaluates a strategy or campaign for suitability, feasibility and acceptability and leaves on the port of its verdict,
/// so a workflow can route a proposal to approval, to rework or to a polite no.
/// </summary>
[Activity("StrategyFit.Evaluate", Category = "Strategy", DisplayName = "Evaluate strategy",
    Description = "Scores a strategy's weighted criteria for suitability, feasibility and acceptability (0-100 each) and leaves on Pursue, PursueWithChanges or Reject.",
    Outcomes = [StrategyVerdict.Pursue, StrategyVerdict.PursueWithChanges, StrategyVerdict.Reject])]
public sealed class EvaluateStrategy : WorkflowActivity
{
    /// <summary>The strategy as JSON.</summary>
    [Input(DisplayName = "Strategy", Description = "The strategy as JSON: {\"name\": ..., \"criteria\": [{\"dimension\": \"Feasibility\", \"name\": \"Resources available\", \"weight\": 3, \"score\": 4}, ...]}; scores from 1 to 5.",
        UIHint = "json", DefaultSyntax = "Object", IsRequired = true, Order = 0)]
    public Input<string?> Strategy { get; } = new();

    /// <summary>The pursue line.</summary>
    [Input(DisplayName = "Pursue from", Description = "The overall score (0-100) from which the strategy is pursued as it is; default 70.", UIHint = "singleline", Order = 1)]
    public Input<double?> PursueFrom { get; } = new();

    /// <summary>The reject line.</summary>
    [Input(DisplayName = "Reject below", Description = "The overall score (0-100) below which it is rejected; default 50.", UIHint = "singleline", Order = 2)]
    public Input<double?> RejectBelow { get; } = new();

    /// <summary>The floor of every dimension.</summary>
    [Input(DisplayName = "Dimension floor", Description = "A dimension below this score (0-100) rejects the strategy on its own; default 40.", UIHint = "singleline", Order = 3)]
    public Input<double?> Floor { get; } = new();

    /// <summary>The whole evaluation.</summary>
    [Output(Description = "Dimension scores, overall score, verdict, summary and weakest criteria.")]
    public Output<StrategyEvaluation?> Evaluation { get; } = new();

    /// <summary>The overall score.</summary>
    [Output(Description = "The overall score, 0-100.")]
    public Output<double> Overall { get; } = new();

    /// <summary>The verdict.</summary>
    [Output(Description = "Pursue, PursueWithChanges or Reject.")]
    public Output<string?> Verdict { get; } = new();

    /// <summary>The weakest criteria.</summary>
    [Output(Description = "Up to three criteria that cost the most points, with advice.")]
    public Output<IReadOnlyList<WeakCriterion>?> Weakest { get; } = new();

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        StrategyEvaluation evaluation;
        try
        {
            var thresholds = StrategyReader.Thresholds(context.GetInput(PursueFrom), context.GetInput(RejectBelow), context.GetInput(Floor));
            evaluation = StrategyEvaluator.Evaluate(StrategyReader.Parse(context.GetInput(Strategy), thresholds));
        }
        catch (PluginInputException invalid)
        {
            // An incident that names the bad field, as the operation's 400 would.
            var where = invalid.Path is { Length: > 0 } path ? $" ({path})" : "";
            throw new InvalidOperationException($"StrategyFit.Evaluate: the strategy is not valid{where}: {invalid.Message}", invalid);
        }

        context.SetOutput(Evaluation, evaluation);
        context.SetOutput(Overall, evaluation.Overall);
        context.SetOutput(Verdict, evaluation.Verdict);
        context.SetOutput(Weakest, evaluation.Weakest);
        context.Complete(evaluation.Verdict);
        return ValueTask.CompletedTask;
    }
}
