namespace SfaFlow.Plugins.PredictiveScoring;

/// <summary>How one of the deal's values moved its odds of being won.</summary>
/// <param name="Field">The field (<see cref="DealField"/>).</param>
/// <param name="Label">The field in words, for example <c>Region</c>.</param>
/// <param name="Value">The deal's value, for example <c>3</c>.</param>
/// <param name="OddsRatio">
/// What it multiplies the odds of winning by: P(value | won) ÷ P(value | lost), both Laplace-smoothed; 1 for a value never
/// seen in the history.
/// </param>
/// <param name="Direction"><c>raises</c>, <c>lowers</c> or <c>neutral</c>.</param>
/// <param name="Won">Won deals in the history with this value.</param>
/// <param name="Lost">Lost deals in the history with this value.</param>
/// <param name="Text">The factor in plain words.</param>
public sealed record WinFactor(string Field, string Label, string Value, double OddsRatio, string Direction, int Won, int Lost, string Text)
{
    /// <summary>The value made winning more likely.</summary>
    public const string Raises = "raises";

    /// <summary>The value made winning less likely.</summary>
    public const string Lowers = "lowers";

    /// <summary>The value changed nothing (never seen, or as common in won as in lost deals).</summary>
    public const string Neutral = "neutral";
}
