using SfaFlow.Plugins.Events;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Pipelines;

namespace SfaFlow.Sales.Events;

/// <summary>
/// The domain events record changes raise (through the outbox, into workflows): a name workflows trigger on, a correlation
/// id naming the record (<c>lead:42</c>, <c>opportunity:7</c>) so that a waiting instance hears only of its own record, and
/// the record as scripts see it. <c>RecordUpdated</c> (field by field) is raised for every change by the save itself.
/// </summary>
public static class SalesEvents
{
    /// <summary>A lead's event; <paramref name="extra"/> adds what the event is about (a reply's text).</summary>
    public static DomainEvent Lead(string name, Lead lead, DateTimeOffset at, Dictionary<string, object?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var payload = extra ?? [];
        payload["lead"] = LeadScriptView.Create(lead);
        return Of(name, "lead", lead.Id, payload, at);
    }

    public static DomainEvent Opportunity(string name, Opportunity deal, Stage stage, DateTimeOffset at, Dictionary<string, object?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var payload = extra ?? [];
        payload["opportunity"] = OpportunityScriptView.Create(deal, stage, []);
        return Of(name, "opportunity", deal.Id, payload, at);
    }

    /// <summary>
    /// An activity's event. A completion also carries the note given with it and who completed it (null for a workflow or
    /// the system), so that a workflow waiting on the task learns everything from the event alone.
    /// </summary>
    public static DomainEvent Activity(string name, SalesActivity activity, DateTimeOffset at, ActivityOutcome? completion = null, long? completedByUserId = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Of(name, "activity", activity.Id, new()
        {
            ["activity"] = new Dictionary<string, object?>
            {
                ["id"] = activity.Id, ["kind"] = activity.Kind.ToString(), ["subject"] = activity.Subject, ["outcome"] = activity.Outcome,
                ["leadId"] = activity.LeadId, ["accountId"] = activity.AccountId, ["contactId"] = activity.ContactId,
                ["opportunityId"] = activity.OpportunityId, ["ownerId"] = activity.OwnerId,
                ["workflowInstanceId"] = activity.WorkflowInstanceId, ["workflowBookmarkId"] = activity.WorkflowBookmarkId,
                ["priority"] = activity.Priority.ToString(), ["note"] = completion?.Note, ["completedByUserId"] = completedByUserId,
            },
        }, at);
    }

    private static DomainEvent Of(string name, string record, long id, Dictionary<string, object?> payload, DateTimeOffset at)
    {
        payload["recordType"] = record;
        payload["id"] = id;
        return DomainEvent.Create(name, $"{record}:{id}", payload, at);
    }
}
