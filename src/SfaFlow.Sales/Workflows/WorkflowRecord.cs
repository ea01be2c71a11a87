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

    /// <summary>How an activity's <c>record</c> input is described in the designer.</summary>
    public const string RecordInputDescription = "The record it is about, as type:id (lead:42, opportunity:7, account:3, contact:9); empty for the workflow's own record.";

    public RecordReference? Reference { get; init; }

    /// <summary>Script views by root name (<c>lead</c>, <c>opportunity</c>, <c>account</c>, <c>contact</c>).</summary>
    public IReadOnlyDictionary<string, object?> Views { get; init; } = new Dictionary<string, object?>();

    /// <summary>The e-mail address of the person the record is (a lead, a contact); null for deals and accounts.</summary>
    public string? Email { get; init; }

    public long? RegionId { get; init; }

    /// <summary>Who owns the record: an activity logged on it is theirs.</summary>
    public long? OwnerId { get; init; }

    /// <summary>
    /// An activity about this record, of <paramref name="kind"/>, owned by <paramref name="ownerId"/> or the record's owner
    /// and linked to the record's account too (a deal's, a contact's); null when there is no record to log it on.
    /// </summary>
    public ActivityFields? ActivityAbout(ActivityKind kind, string subject, string? notes, long? ownerId = null) => Reference is not { } record ? null : new ActivityFields
    {
        Kind = kind,
        Subject = subject,
        Notes = notes,
        OwnerId = ownerId ?? OwnerId,
        LeadId = record.Type == RecordReference.Lead ? record.Id : null,
        OpportunityId = record.Type == RecordReference.Opportunity ? record.Id : null,
        ContactId = record.Type == RecordReference.Contact ? record.Id : null,
        AccountId = record.Type == RecordReference.Account ? record.Id : AccountIdOf(record.Type),
    };

    private long? AccountIdOf(string type) =>
        Views.GetValueOrDefault(type) is IReadOnlyDictionary<string, object?> view && view.GetValueOrDefault("accountId") is long accountId ? accountId : null;
}
