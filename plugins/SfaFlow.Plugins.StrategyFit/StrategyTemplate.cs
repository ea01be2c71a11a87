namespace SfaFlow.Plugins.StrategyFit;

/// <summary>
/// The default criteria a UI offers as a form: two or three per dimension, each with a question to score from 1 to 5,
/// a weight within its dimension and advice for when it scores low. Copy it, score each criterion, post it to <c>evaluate</c>.
/// </summary>
public static class StrategyTemplate
{
    /// <summary>What each score means.</summary>
    public static IReadOnlyDictionary<string, string> Scale { get; } = new Dictionary<string, string>
    {
        ["1"] = "Very poor", ["2"] = "Poor", ["3"] = "Adequate", ["4"] = "Good", ["5"] = "Excellent",
    };

    /// <summary>The default criteria.</summary>
    public static IReadOnlyList<TemplateCriterion> Criteria { get; } =
    [
        new("market-fit", StrategyDimension.Suitability, "Fit with the operating circumstances", 3,
            "Does it answer the market's opportunities and threats: customer needs, competitors, regulation, timing?",
            "Re-check the target segment and timing against what customers need now and what competitors do."),
        new("position-fit", StrategyDimension.Suitability, "Fit with the strategic position", 3,
            "Does it build on the company's strengths and avoid depending on its weaknesses?",
            "Lean the offer on what the company is known to do well, or partner for what it is not."),
        new("customer-value", StrategyDimension.Suitability, "Value to target customers", 2,
            "Will the target customers see a clear reason to buy?",
            "Sharpen the value proposition with a few target customers before the launch."),
        new("resources", StrategyDimension.Feasibility, "Resources available", 3,
            "Are the people, budget and time it needs available when needed?",
            "Secure budget and headcount first, or phase the plan to the resources there are."),
        new("capability", StrategyDimension.Feasibility, "Capability to carry it out", 3,
            "Do the teams have the skills, processes, systems and partners it needs?",
            "Close the gap with training, a partner or a pilot team before rolling it out."),
        new("sales-capacity", StrategyDimension.Feasibility, "Sales capacity and coverage", 2,
            "Can the sales force cover the targets without dropping existing customers?",
            "Re-plan territories and quotas, or add inside sales, so coverage does not suffer."),
        new("return", StrategyDimension.Acceptability, "Expected return", 3,
            "Are the expected revenue, margin and payback worth it?",
            "Improve the business case: price, cost to serve, or a narrower, more profitable scope."),
        new("risk", StrategyDimension.Acceptability, "Risk (5 = low risk)", 2,
            "How acceptable is what could go wrong, financially and for the brand? Score 5 for low risk.",
            "Reduce or share the risk: a pilot, stage gates, or a partner who carries part of it."),
        new("stakeholders", StrategyDimension.Acceptability, "Stakeholder expectations", 2,
            "Will management, reps, key customers and partners back it?",
            "Win over the stakeholders who object: involve them early and answer their concerns in the plan."),
    ];
}
