using SfaFlow.Sales.Activities;

namespace SfaFlow.Sales.Workflows;

/// <summary>
/// The record a workflow is about (from its correlation id), loaded for outbound activities: the values templates and
/// filters see (<c>lead</c>, <c>opportunity</c>, <c>account</c>, <c>contact</c>), who to write to by default, the region
/// whose business calendar counts, and the links an activity logged on its timeline gets.
/// </summary>
public sealed record WorkflowRecord
{
    /// <summary>No record: the workflow's correlation id names none (templates then see only <c>vars</c>).</summary>
    public static WorkflowRecord None { get; } = new();

    public RecordReference? Reference { get; init; }

    /// <summary>Script views by root name (<c>lead</c>, <c>opportunity</c>, <c>account</c>, <c>contact</c>).</summary>
    public IReadOnlyDictionary<string, object?> Views { get; init; } = new Dictionary<string, object?>();

    /// <summary>The e-mail address of the person the record is (a lead, a contact); null for deals and accounts.</summary>
    public string? Email { get; init; }

    public long? RegionId { get; init; }

    /// <summary>Who owns the record: an activity logged on it is theirs.</summary>
    public long? OwnerId { get; init; }

    /// <summary>An activity about this record, of <paramref name="kind"/>; null when there is no record to log it on.</summary>
    public ActivityFields? ActivityAbout(ActivityKind kind, string subject, string? notes) => Reference is not { } record ? null : new ActivityFields
    {
        Kind = kind,
        Subject = subject,
        Notes = notes,
        OwnerId = OwnerId,
        LeadId = record.Type == RecordReference.Lead ? record.Id : null,
        OpportunityId = record.Type == RecordReference.Opportunity ? record.Id : null,
        ContactId = record.Type == RecordReference.Contact ? record.Id : null,
        AccountId = record.Type == RecordReference.Account ? record.Id
            : Views.GetValueOrDefault(RecordReference.Contact) is Dictionary<string, object?> contact ? contact["accountId"] as long?
            : null,
    };
}
