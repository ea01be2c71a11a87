namespace SfaFlow.Plugins.StrategyFit;

/// <summary>One dimension's result.</summary>
/// <param name="Dimension">Suitability, Feasibility or Acceptability.</param>
/// <param name="Score">The weighted mean of its criteria on 0-100 (a criterion's 1-5 score maps to 0, 25, 50, 75, 100), one decimal.</param>
/// <param name="Criteria">How many criteria it has.</param>
/// <param name="BelowFloor">Whether it is below the floor, which alone rejects the strategy.</param>
public sealed record DimensionScore(string Dimension, double Score, int Criteria, bool BelowFloor);
