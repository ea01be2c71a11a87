namespace SfaFlow.Sales.Workflows.Leads;

/// <summary>A named JavaScript condition over <c>lead</c>, as admins write qualification rules.</summary>
public sealed record NamedRule(string Name, string Condition);

/// <summary>A scoring rule: the points a lead gets when the condition holds, counted within its group's cap.</summary>
public sealed record PointsRule(string Name, string Condition, int Points, string? Group = null);

/// <summary>How many qualification rules must pass.</summary>
public enum QualificationMode
{
    /// <summary>Every rule.</summary>
    All,

    /// <summary>At least the activity's <c>minimumPassed</c> rules.</summary>
    AtLeast,
}
