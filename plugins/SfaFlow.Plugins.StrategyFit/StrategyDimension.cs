namespace SfaFlow.Plugins.StrategyFit;

/// <summary>
/// The three tests of a strategic option (Johnson, Scholes and Whittington): does it fit (suitability), can it be done
/// (feasibility), and will it be accepted (acceptability)?
/// </summary>
public static class StrategyDimension
{
    /// <summary>Fit with the operating circumstances and with the strategic position.</summary>
    public const string Suitability = "Suitability";

    /// <summary>Resources and capability to carry it out.</summary>
    public const string Feasibility = "Feasibility";

    /// <summary>Expected return, risk and stakeholder expectations.</summary>
    public const string Acceptability = "Acceptability";

    /// <summary>The dimensions in the order they are reported.</summary>
    public static IReadOnlyList<string> All { get; } = [Suitability, Feasibility, Acceptability];

    /// <summary>The dimension's canonical name for any casing, or null when the text names none.</summary>
    /// <param name="text">For example <c>suitability</c>.</param>
    public static string? Find(string? text) => All.FirstOrDefault(d => string.Equals(d, text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>What the dimension asks, in plain words.</summary>
    /// <param name="dimension">A name from <see cref="All"/>.</param>
    public static string Question(string dimension) => dimension switch
    {
        Suitability => "Does the strategy fit the market and what the company is good at?",
        Feasibility => "Does the company have the resources and capability to carry it out?",
        _ => "Will the return, the risk and the stakeholders' expectations make it acceptable?",
    };

    /// <summary>What to do about a weak criterion of the dimension when the criterion gives no advice of its own.</summary>
    /// <param name="dimension">A name from <see cref="All"/>.</param>
    public static string Advice(string dimension) => dimension switch
    {
        Suitability => "Rework the fit: adapt the target customers, the offer or the timing to the market and to the company's strengths.",
        Feasibility => "Secure what it takes before committing: people, budget, skills, partners and time.",
        _ => "Make it acceptable: improve the expected return, reduce or share the risk, or win over the stakeholders who object.",
    };
}
