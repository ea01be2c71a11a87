using SfaFlow.Benchmarks.Lead;

namespace SfaFlow.Benchmarks.Peer;

/// <summary>The lead as a WorkflowCore user models it: a plain C# class on the workflow data.</summary>
internal sealed class LeadProfile
{
    public int Score { get; set; }

    public string Country { get; set; } = "";

    public int Employees { get; set; }

    public static LeadProfile Create() =>
        new() { Score = LeadScenario.Score, Country = LeadScenario.Country, Employees = LeadScenario.Employees };
}
