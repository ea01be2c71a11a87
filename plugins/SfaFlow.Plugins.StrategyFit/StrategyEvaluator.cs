using System.Globalization;

namespace SfaFlow.Plugins.StrategyFit;

/// <summary>
/// Scores a strategy with the suitability / feasibility / acceptability tests. A criterion's 1-5 score maps linearly to
/// 0-100 ((score − 1) × 25); a dimension's score is the weighted mean of its criteria; the overall score is the plain mean
/// of the three dimensions, because a strategy must pass all three tests, not trade one for another. The verdict follows
/// <see cref="StrategyThresholds"/>, and the weakest criteria are those that cost the most overall points.
/// </summary>
public static class StrategyEvaluator
{
    /// <summary>How many weak criteria are reported at most.</summary>
    public const int WeakestCount = 3;

    /// <summary>Evaluates a validated strategy (see <see cref="StrategyReader"/>).</summary>
    /// <param name="strategy">The criteria, every dimension with at least one, and the thresholds.</param>
    /// <returns>Scores, verdict and the weakest criteria.</returns>
    public static StrategyEvaluation Evaluate(Strategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var limits = strategy.Thresholds;
        var dimensions = StrategyDimension.All.Select(dimension =>
        {
            var criteria = strategy.Criteria.Where(c => c.Dimension == dimension).ToList();
            var weight = criteria.Sum(c => c.Weight);
            var score = Round(criteria.Sum(c => c.Weight * Points(c.Score)) / weight);
            return new DimensionScore(dimension, score, criteria.Count, score < limits.Floor);
        }).ToList();
        var overall = Round(dimensions.Average(d => d.Score));

        var verdict = dimensions.Any(d => d.BelowFloor) || overall < limits.Reject ? StrategyVerdict.Reject
            : overall >= limits.Pursue ? StrategyVerdict.Pursue
            : StrategyVerdict.PursueWithChanges;
        var weakest = Weakest(strategy);
        return new StrategyEvaluation(strategy.Name, dimensions, overall, verdict, Summarize(verdict, overall, dimensions, weakest, limits), weakest, limits);
    }

    /// <summary>A 1-5 score on the 0-100 scale.</summary>
    public static double Points(double score) => (score - 1) * 25;

    private static List<WeakCriterion> Weakest(Strategy strategy)
    {
        var weights = strategy.Criteria.GroupBy(c => c.Dimension).ToDictionary(g => g.Key, g => g.Sum(c => c.Weight));
        return strategy.Criteria
            .Select((c, order) => (Criterion: c, Order: order, Lost: c.Weight / weights[c.Dimension] * (100 - Points(c.Score)) / StrategyDimension.All.Count))
            .Where(x => x.Lost > 0)
            .OrderByDescending(x => x.Lost).ThenBy(x => x.Criterion.Score).ThenBy(x => x.Order)
            .Take(WeakestCount)
            .Select(x => new WeakCriterion(x.Criterion.Id, x.Criterion.Dimension, x.Criterion.Name, x.Criterion.Score, Round(x.Lost),
                x.Criterion.Advice ?? StrategyDimension.Advice(x.Criterion.Dimension)))
            .ToList();
    }

    private static string Summarize(string verdict, double overall, List<DimensionScore> dimensions, List<WeakCriterion> weakest, StrategyThresholds limits)
    {
        var scores = string.Join(", ", dimensions.Select(d => Text($"{d.Dimension.ToLowerInvariant()} {d.Score}")));
        var failing = dimensions.Where(d => d.BelowFloor).Select(d => d.Dimension.ToLowerInvariant()).ToList();
        var why = verdict switch
        {
            StrategyVerdict.Pursue => Text($"Pursue: overall {overall} reaches {limits.Pursue} and no dimension is below {limits.Floor}."),
            StrategyVerdict.PursueWithChanges => Text($"Pursue with changes: overall {overall} is at least {limits.Reject} but below {limits.Pursue}."),
            _ when failing.Count > 0 => Text($"Reject: {string.Join(" and ", failing)} below the floor of {limits.Floor}, which no other strength makes up for."),
            _ => Text($"Reject: overall {overall} is below {limits.Reject}."),
        };
        var fix = weakest.Count > 0 ? Text($" Weakest: {string.Join("; ", weakest.Select(w => $"{w.Name} ({w.Score}/5, −{w.PointsLost} points)"))}.") : "";
        return $"{why} Scores: {scores}.{fix}";
    }

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
