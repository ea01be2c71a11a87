using SfaFlow.Plugins.Activities;
using SfaFlow.Sales.Records;
using SfaFlow.Sales.Workflows.Effects;

namespace SfaFlow.Sales.Workflows.Records;

/// <summary>
/// Sets fields of a lead, account, contact or deal through its service's update, so the same validation applies as in
/// the API; a refused change becomes an incident naming each field and what is wrong with it. Stages, statuses and owners
/// by rule have their own activities (Sfa.SetStage, Sfa.QualifyLead, Sfa.ConvertLead).
/// </summary>
[Activity("Sfa.UpdateRecord", Category = "Sales", DisplayName = "Update record",
    Description = "Sets fields of a lead, account, contact or deal, with the same validation as everywhere else.")]
public sealed class UpdateRecord : WorkflowActivity
{
    [Input(DisplayName = "Record type", Description = "Which kind of record to change.", UIHint = "dropdown",
        Options = [RecordReference.Lead, RecordReference.Account, RecordReference.Contact, RecordReference.Opportunity], DefaultValue = RecordReference.Lead, Order = 0)]
    public Input<string?> Entity { get; } = new();

    [Input(DisplayName = "Record id", Description = "The record's id; leave empty for the workflow's own record (correlation id <type>:<id>).", UIHint = "singleline", Order = 1)]
    public Input<long?> RecordId { get; } = new();

    [Input(Description = "Field name to value, for example {\"source\": \"Fair\", \"score\": {\"javascript\": \"lead.score + 10\"}}; a value written as {\"javascript\": ...} is computed from the record.",
        UIHint = "json", DefaultSyntax = "Object", IsRequired = true, Order = 2)]
    public Input<Dictionary<string, object?>?> Fields { get; } = new();

    [Output(Description = "The record's version after the change.")]
    public Output<int> Version { get; } = new();

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = (context.GetInput(Entity) ?? RecordReference.Lead).Trim().ToLowerInvariant();
        var id = context.RecordId(type, context.GetInput(RecordId), "recordId");
        var changes = context.GetInput(Fields) ?? [];
        try
        {
            var version = await context.OnceAsync(async _ => (await context.Service<RecordUpdater>().UpdateAsync(type, id, changes, context.Principal(), context.CancellationToken)).Version);
            context.SetOutput(Version, version);
        }
        catch (RuleViolationException refused)
        {
            // An incident that says which field and why, as the API's 422 would.
            var fields = refused.Violations.Select(v => $"{v.Field}: {v.Message}");
            throw new InvalidOperationException($"The {type} {id} was not updated. {refused.Message} {string.Join(" ", fields)}".TrimEnd(), refused);
        }
    }
}
