using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Accounts;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Orders;
using static SfaFlow.Sales.Lists.ListFieldUse;

namespace SfaFlow.Sales.Lists;

/// <summary>
/// The record lists, one per resource: the whitelist of fields callers may filter, sort, search, export and sum. Field names
/// are the records' JSON names, so a filter, a sort key and a CSV column all say the same thing. The base data and
/// organization lists are in <c>SalesLists.Organization.cs</c>.
/// </summary>
public static partial class SalesLists
{
    public static RecordList<Lead> Leads { get; } = RecordListSources.Owned<Lead>("leads", "-createdAt", db => db.Leads)
        .Field("id", l => l.Id).Field("version", l => l.Version, Export)
        .Field("name", l => l.Name, Default | Search).Field("company", l => l.Company, Default | Search).Field("email", l => l.Email, Default | Search)
        .Field("phone", l => l.Phone).Field("source", l => l.Source).Field("status", l => l.Status).Field("score", l => l.Score)
        .Field("scoreExplanation", l => l.ScoreExplanation, Export).Field("customerCategoryId", l => l.CustomerCategoryId)
        .Field("regionId", l => l.RegionId).Field("ownerId", l => l.OwnerId).Field("disqualifiedReason", l => l.DisqualifiedReason, Export)
        .Field("convertedAccountId", l => l.ConvertedAccountId).Field("convertedContactId", l => l.ConvertedContactId)
        .Field("convertedOpportunityId", l => l.ConvertedOpportunityId).Field("convertedAt", l => l.ConvertedAt)
        .Field("createdAt", l => l.CreatedAt).Field("updatedAt", l => l.UpdatedAt);

    public static RecordList<Account> Accounts { get; } = RecordListSources.Owned<Account>("accounts", "name", db => db.Accounts)
        .Field("id", a => a.Id).Field("version", a => a.Version, Export)
        .Field("name", a => a.Name, Default | Search).Field("customerCategoryId", a => a.CustomerCategoryId).Field("regionId", a => a.RegionId)
        .Field("ownerId", a => a.OwnerId).Field("lifecycle", a => a.Lifecycle).Field("website", a => a.Website).Field("phone", a => a.Phone)
        .Field("city", a => a.City, Default | Search).Field("country", a => a.Country).Field("industry", a => a.Industry, Default | Search)
        .Field("createdAt", a => a.CreatedAt).Field("updatedAt", a => a.UpdatedAt);

    public static RecordList<Contact> Contacts { get; } = RecordListSources.Owned<Contact>("contacts", "lastName,firstName", db => db.Contacts)
        .Field("id", c => c.Id).Field("version", c => c.Version, Export)
        .Field("accountId", c => c.AccountId).Field("firstName", c => c.FirstName, Default | Search).Field("lastName", c => c.LastName, Default | Search)
        .Field("title", c => c.Title, Default | Search).Field("email", c => c.Email, Default | Search).Field("phone", c => c.Phone)
        .Field("ownerId", c => c.OwnerId).Field("regionId", c => c.RegionId)
        .Field("createdAt", c => c.CreatedAt).Field("updatedAt", c => c.UpdatedAt);

    /// <summary>
    /// Deals. <c>probability</c> and <c>forecastCategory</c> are the effective values (the rep's override, else the
    /// stage's), computed in SQL. Only <c>amountInReportingCurrency</c> is summed: amounts in different currencies never add up.
    /// </summary>
    public static RecordList<Opportunity> Opportunities { get; } = RecordListSources.Owned<Opportunity>("opportunities", "expectedCloseDate", db => db.Opportunities)
        .Field("id", o => o.Id).Field("version", o => o.Version, Export)
        .Field("name", o => o.Name, Default | Search).Field("accountId", o => o.AccountId).Field("pipelineId", o => o.PipelineId)
        .Field("stageId", o => o.StageId).Field("status", o => o.Status).Field("amount", o => o.Amount).Field("currency", o => o.Currency)
        .Field("amountInReportingCurrency", o => o.AmountInReportingCurrency, Default | Sum).Field("expectedCloseDate", o => o.ExpectedCloseDate)
        .Field("probability", o => o.ProbabilityOverride ?? o.StageProbability).Field("probabilityOverride", o => o.ProbabilityOverride)
        .Field("forecastCategory", o => o.ForecastCategoryOverride ?? o.StageForecastCategory).Field("forecastCategoryOverride", o => o.ForecastCategoryOverride)
        .Field("ownerId", o => o.OwnerId).Field("regionId", o => o.RegionId).Field("competitor", o => o.Competitor, Default | Search)
        .Field("lostReason", o => o.LostReason, Export).Field("closedAt", o => o.ClosedAt).Field("highestStageOrder", o => o.HighestStageOrder)
        .Field("stageEnteredAt", o => o.StageEnteredAt).Field("lastActivityAt", o => o.LastActivityAt).Field("closeDatePushCount", o => o.CloseDatePushCount)
        .Field("leadId", o => o.LeadId).Field("createdAt", o => o.CreatedAt).Field("updatedAt", o => o.UpdatedAt)
        .WithDetail(deals => deals.Include(o => o.Lines));

    /// <summary>Calls, meetings, e-mails, tasks and visits.</summary>
    public static RecordList<SalesActivity> Activities { get; } = WithActivityFields(RecordListSources.Owned<SalesActivity>("activities", "dueAt", db => db.Activities));

    /// <summary>
    /// Activities of kind Task only, a rep's work: the same fields as <see cref="Activities"/>, with the kind fixed in the
    /// source so that no query (filter, count, export) can reach another kind through it.
    /// </summary>
    public static RecordList<SalesActivity> Tasks { get; } =
        WithActivityFields(RecordListSources.Owned<SalesActivity>("tasks", "dueAt", db => db.Activities.Where(a => a.Kind == ActivityKind.Task)));

    public static RecordList<Order> Orders { get; } = RecordListSources.Owned<Order>("orders", "-orderedAt", db => db.Orders)
        .Field("id", o => o.Id).Field("version", o => o.Version, Export)
        .Field("number", o => o.Number, Default | Search).Field("accountId", o => o.AccountId).Field("opportunityId", o => o.OpportunityId)
        .Field("status", o => o.Status).Field("currency", o => o.Currency).Field("total", o => o.Total).Field("orderedAt", o => o.OrderedAt)
        .Field("ownerId", o => o.OwnerId).Field("regionId", o => o.RegionId).Field("createdAt", o => o.CreatedAt).Field("updatedAt", o => o.UpdatedAt)
        .WithDetail(orders => orders.Include(o => o.Lines));

    /// <summary>The fields of an activity list, one definition for every list of activities.</summary>
    private static RecordList<SalesActivity> WithActivityFields(RecordList<SalesActivity> list) => list
        .Field("id", a => a.Id).Field("version", a => a.Version, Export)
        .Field("kind", a => a.Kind).Field("subject", a => a.Subject, Default | Search).Field("notes", a => a.Notes, Export | Search)
        .Field("status", a => a.Status).Field("dueAt", a => a.DueAt).Field("startAt", a => a.StartAt).Field("endAt", a => a.EndAt)
        .Field("completedAt", a => a.CompletedAt).Field("outcome", a => a.Outcome).Field("leadId", a => a.LeadId).Field("accountId", a => a.AccountId)
        .Field("contactId", a => a.ContactId).Field("opportunityId", a => a.OpportunityId).Field("ownerId", a => a.OwnerId).Field("regionId", a => a.RegionId)
        .Field("createdByUserId", a => a.CreatedByUserId).Field("workflowInstanceId", a => a.WorkflowInstanceId)
        .Field("createdAt", a => a.CreatedAt).Field("updatedAt", a => a.UpdatedAt);
}
