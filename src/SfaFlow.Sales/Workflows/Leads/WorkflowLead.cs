using Microsoft.EntityFrameworkCore;
using SfaFlow.Plugins.Activities;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Workflows.Leads;

/// <summary>The lead a lead activity acts on: its <c>leadId</c> input, else the workflow's lead (<c>lead:42</c>).</summary>
internal static class WorkflowLead
{
    public const string LeadIdDescription = "The lead's id; leave empty for the workflow's own lead (correlation id lead:<id>).";

    public static async Task<Lead> LoadAsync(IActivityExecutionContext context, long? leadId)
    {
        var id = context.RecordId(RecordReference.Lead, leadId, "leadId");
        await using var db = await context.Service<ISalesDatabaseFactory>().OpenAsync(context.CancellationToken);
        return await db.Leads.AsNoTracking().FindInScopeAsync(id, context.Principal(), context.CancellationToken);
    }
}
