namespace SfaFlow.Plugins.StrategyFit;

/// <summary>One weighted criterion of a strategy, scored from 1 (very poor) to 5 (excellent).</summary>
/// <param name="Id">A short key, for example <c>resources</c>; the criterion's position when the input gives none.</param>
/// <param name="Dimension">Suitability, Feasibility or Acceptability.</param>
/// <param name="Name">What is judged, for example <c>Resources available</c>.</param>
/// <param name="Weight">How much it counts within its dimension, greater than 0.</param>
/// <param name="Score">From 1 to 5; 5 is best (for risk: the lowest risk).</param>
/// <param name="Advice">What to do when it is weak; null for the dimension's general advice.</param>
public sealed record StrategyCriterion(string Id, string Dimension, string Name, double Weight, double Score, string? Advice = null);
