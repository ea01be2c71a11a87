namespace SfaFlow.Plugins.StrategyFit;

/// <summary>A criterion that costs the strategy the most points, and what to do about it.</summary>
/// <param name="Id">The criterion's key.</param>
/// <param name="Dimension">Its dimension.</param>
/// <param name="Name">What it judges.</param>
/// <param name="Score">Its 1-5 score.</param>
/// <param name="PointsLost">The overall points it costs: its share of its dimension's weight × (100 − its 0-100 score) ÷ 3, one decimal.</param>
/// <param name="Advice">What to do, in plain words.</param>
public sealed record WeakCriterion(string Id, string Dimension, string Name, double Score, double PointsLost, string Advice);
