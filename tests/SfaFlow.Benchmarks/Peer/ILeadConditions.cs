namespace SfaFlow.Benchmarks.Peer;

/// <summary>How the WorkflowCore flow evaluates its decisions: compiled C# or Jint scripts.</summary>
internal interface ILeadConditions
{
    bool Evaluate(LeadCheck check, LeadProfile lead);
}
