using SfaFlow.Sales.Decisions;

namespace SfaFlow.Web.Api.Sales.Decisions;

/// <summary>A decision about a record as the API shows it: the verdict, the summary and each rule explained.</summary>
public sealed record DecisionTraceView(
    long Id,
    string RecordType,
    long RecordId,
    string Kind,
    string Subject,
    string Result,
    int? Score,
    string Summary,
    IReadOnlyList<StoredRule> Rules,
    DateTimeOffset At,
    string? WorkflowInstanceId,
    long? ByUserId)
{
    public static DecisionTraceView From(DecisionTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return new(trace.Id, trace.RecordType, trace.RecordId, trace.Kind.ToString(), trace.Subject, trace.Result, trace.Score, trace.Summary,
            trace.ReadRules(), trace.At, trace.WorkflowInstanceId, trace.ByUserId);
    }
}
