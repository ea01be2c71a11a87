namespace SfaFlow.Plugins.StrategyFit;

/// <summary>The evaluation of a strategy.</summary>
/// <param name="Name">The strategy's name, if it has one.</param>
/// <param name="Dimensions">Suitability, feasibility and acceptability, in that order.</param>
/// <param name="Overall">The mean of the three dimension scores, 0-100, one decimal.</param>
/// <param name="Verdict"><c>Pursue</c>, <c>PursueWithChanges</c> or <c>Reject</c> (also the activity's outcome port).</param>
/// <param name="Summary">The verdict and why, in plain words.</param>
/// <param name="Weakest">Up to three criteria that cost the most points, worst first; empty when every criterion scores 5.</param>
/// <param name="Thresholds">The thresholds the verdict was taken with.</param>
public sealed record StrategyEvaluation(
    string? Name, IReadOnlyList<DimensionScore> Dimensions, double Overall, string Verdict, string Summary,
    IReadOnlyList<WeakCriterion> Weakest, StrategyThresholds Thresholds);
