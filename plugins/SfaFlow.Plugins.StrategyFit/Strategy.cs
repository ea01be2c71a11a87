namespace SfaFlow.Plugins.StrategyFit;

/// <summary>A strategy or campaign to evaluate: its criteria and, optionally, its own thresholds.</summary>
/// <param name="Name">What it is called, for example <c>Enter the Austrian market</c>; null when unnamed.</param>
/// <param name="Criteria">The scored criteria; every dimension has at least one.</param>
/// <param name="Thresholds">The verdict's thresholds.</param>
public sealed record Strategy(string? Name, IReadOnlyList<StrategyCriterion> Criteria, StrategyThresholds Thresholds);
