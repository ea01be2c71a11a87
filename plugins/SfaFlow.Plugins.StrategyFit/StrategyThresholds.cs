namespace SfaFlow.Plugins.StrategyFit;

/// <summary>
/// Where the verdict changes, on the 0-100 scale: <c>Reject</c> when any dimension is below <see cref="Floor"/> or the
/// overall score is below <see cref="Reject"/>; otherwise <c>Pursue</c> when the overall score is at least
/// <see cref="Pursue"/>, else <c>PursueWithChanges</c>.
/// </summary>
/// <param name="Pursue">The overall score from which a strategy is pursued as it is (default 70).</param>
/// <param name="Reject">The overall score below which it is rejected (default 50).</param>
/// <param name="Floor">The score below which any one dimension rejects it, however good the others are (default 40).</param>
public sealed record StrategyThresholds(double Pursue = 70, double Reject = 50, double Floor = 40)
{
    /// <summary>The documented defaults.</summary>
    public static StrategyThresholds Default { get; } = new();
}
