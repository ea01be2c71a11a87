namespace SfaFlow.Plugins.StrategyFit;

/// <summary>The verdicts, which are also the outcome ports of <c>StrategyFit.Evaluate</c>.</summary>
public static class StrategyVerdict
{
    /// <summary>Good enough to go ahead as it is.</summary>
    public const string Pursue = "Pursue";

    /// <summary>Worth going ahead once its weakest points are fixed.</summary>
    public const string PursueWithChanges = "PursueWithChanges";

    /// <summary>Not worth pursuing: too weak overall, or one dimension fails outright.</summary>
    public const string Reject = "Reject";
}
