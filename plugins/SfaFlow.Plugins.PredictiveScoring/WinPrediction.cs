namespace SfaFlow.Plugins.PredictiveScoring;

/// <summary>A deal's predicted win probability and why.</summary>
/// <param name="Probability">In percent, within the model's bounds (1 to 99 by default).</param>
/// <param name="Factors">The deal's values that moved it, strongest first, then those that changed nothing; empty without enough history.</param>
/// <param name="Explanation">The prediction in plain words.</param>
/// <param name="EnoughHistory">False when the history was too small and the probability is the deal's own or the won/lost ratio.</param>
public sealed record WinPrediction(int Probability, IReadOnlyList<WinFactor> Factors, string Explanation, bool EnoughHistory);
