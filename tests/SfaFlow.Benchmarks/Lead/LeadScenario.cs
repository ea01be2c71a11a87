namespace SfaFlow.Benchmarks.Lead;

/// <summary>
/// The lead every benchmark qualifies and the three conditions it goes through. All three hold for this lead, so the
/// longest path runs (nine of the ten activities; the nurture step is skipped as a dead path) and no engine can win by
/// taking a shortcut.
/// </summary>
internal static class LeadScenario
{
    public const int Score = 72;
    public const string Country = "DE";
    public const int Employees = 250;

    public const string ScoreCondition = "lead.score > 50";
    public const string RegionCondition = "lead.country == 'DE' || lead.country == 'AT'";
    public const string SizeCondition = "lead.employees >= 100 && lead.score < 90";

    /// <summary>The values the flow assigns on the path this lead takes.</summary>
    public const string Rating = "Qualified";
    public const string Territory = "DACH";
    public const string Segment = "Enterprise";

    /// <summary>The only line the flow writes for this lead.</summary>
    public const string RouteLine = "Route lead to field sales";

    public static IReadOnlyList<string> Conditions { get; } = [ScoreCondition, RegionCondition, SizeCondition];

    /// <summary>A fresh lead as the SfaFlow runtime receives it (workflow input).</summary>
    public static Dictionary<string, object?> CreateInput() => new(StringComparer.Ordinal)
    {
        ["score"] = Score,
        ["country"] = Country,
        ["employees"] = Employees,
    };
}
