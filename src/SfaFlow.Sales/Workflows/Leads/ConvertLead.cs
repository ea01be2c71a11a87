using SfaFlow.Plugins.Activities;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Workflows.Effects;

namespace SfaFlow.Sales.Workflows.Leads;

/// <summary>
/// Converts a lead into an account (or attaches it to one), a contact and optionally a deal, through
/// <see cref="LeadService.ConvertAsync"/>: one transaction, the first stage's gate applies, a refusal is an incident.
/// </summary>
[Activity("Sfa.ConvertLead", Category = "Sales", DisplayName = "Convert lead",
    Description = "Turns a lead into an account, a contact and (unless told not to) a deal in the pipeline's first stage.")]
public sealed class ConvertLead : WorkflowActivity
{
    [Input(DisplayName = "Lead", Description = WorkflowLead.LeadIdDescription, UIHint = "singleline", Order = 0)]
    public Input<long?> LeadId { get; } = new();

    [Input(DisplayName = "Existing account", Description = "Attach to this existing account instead of creating one from the lead's company.", UIHint = "singleline", Order = 1)]
    public Input<long?> ExistingAccountId { get; } = new();

    [Input(DisplayName = "Create deal", Description = "Also create a deal.", UIHint = "checkbox", DefaultValue = true, Order = 2)]
    public Input<bool> CreateOpportunity { get; } = new();

    [Input(DisplayName = "Deal name", Description = "Defaults to '<account>: <lead>'.", UIHint = "singleline", Order = 3)]
    public Input<string?> OpportunityName { get; } = new();

    [Input(Description = "The deal's amount.", UIHint = "singleline", DefaultValue = 0, Order = 4)]
    public Input<decimal> Amount { get; } = new();

    [Input(Description = "The deal's currency (EUR by default).", UIHint = "singleline", Order = 5)]
    public Input<string?> Currency { get; } = new();

    [Input(DisplayName = "Expected close date", Description = "Defaults to 90 days from now.", UIHint = "datetime", Order = 6)]
    public Input<DateTime?> ExpectedCloseDate { get; } = new();

    [Input(DisplayName = "Pipeline", Description = "The deal's pipeline; the default pipeline when empty.", UIHint = "singleline", Order = 7)]
    public Input<long?> PipelineId { get; } = new();

    [Output(DisplayName = "Account id")]
    public Output<long> AccountId { get; } = new();

    [Output(DisplayName = "Contact id")]
    public Output<long> ContactId { get; } = new();

    [Output(DisplayName = "Opportunity id", Description = "The new deal; empty when none was created.")]
    public Output<long?> OpportunityId { get; } = new();

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.RecordId(RecordReference.Lead, context.GetInput(LeadId), "leadId");
        var request = new LeadConversion
        {
            AccountId = context.GetInput(ExistingAccountId),
            CreateOpportunity = context.GetInput(CreateOpportunity),
            OpportunityName = context.GetInput(OpportunityName),
            Amount = context.GetInput(Amount),
            Currency = context.GetInput(Currency),
            ExpectedCloseDate = context.GetInput(ExpectedCloseDate) is { } close ? DateOnly.FromDateTime(close) : null,
            PipelineId = context.GetInput(PipelineId),
        };
        var result = await context.OnceAsync(_ => context.Service<LeadService>().ConvertAsync(id, request, null, context.Principal(), context.CancellationToken));
        context.SetOutput(AccountId, result.AccountId);
        context.SetOutput(ContactId, result.ContactId);
        context.SetOutput(OpportunityId, result.OpportunityId);
    }
}
