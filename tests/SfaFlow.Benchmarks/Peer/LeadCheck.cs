namespace SfaFlow.Benchmarks.Peer;

/// <summary>The three decisions of the flow, in the order of <see cref="Lead.LeadScenario.Conditions"/>.</summary>
internal enum LeadCheck
{
    Score,
    Region,
    Size,
}
