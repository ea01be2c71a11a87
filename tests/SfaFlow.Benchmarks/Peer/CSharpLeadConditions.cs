namespace SfaFlow.Benchmarks.Peer;

/// <summary>The conditions as C# lambdas: what a WorkflowCore user writes when conditions need not be editable.</summary>
internal sealed class CSharpLeadConditions : ILeadConditions
{
    public static CSharpLeadConditions Instance { get; } = new();

    public bool Evaluate(LeadCheck check, LeadProfile lead) => check switch
    {
        LeadCheck.Score => lead.Score > 50,
        LeadCheck.Region => lead.Country is "DE" or "AT",
        LeadCheck.Size => lead.Employees >= 100 && lead.Score < 90,
        _ => throw new ArgumentOutOfRangeException(nameof(check)),
    };
}
