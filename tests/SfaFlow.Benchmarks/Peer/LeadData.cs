namespace SfaFlow.Benchmarks.Peer;

/// <summary>The WorkflowCore workflow data: the lead, the condition strategy, and the fields the flow assigns.</summary>
internal sealed class LeadData
{
    public LeadProfile Lead { get; set; } = new();

    public ILeadConditions Conditions { get; set; } = CSharpLeadConditions.Instance;

    public string? Rating { get; set; }

    public string? Territory { get; set; }

    public string? Segment { get; set; }

    public int LineCount { get; private set; }

    public string? LastLine { get; private set; }

    public bool Check(LeadCheck check) => Conditions.Evaluate(check, Lead);

    /// <summary>Where the write-line step writes: counted, not printed, as SfaFlow's sink in this benchmark.</summary>
    public void WriteLine(string? text)
    {
        LineCount++;
        LastLine = text;
    }
}
