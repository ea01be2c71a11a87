using SfaFlow.Plugins.Activities;
using SfaFlow.Sales.Activities;
using SfaFlow.Sales.Workflows.Effects;
using ActivityKind = SfaFlow.Sales.Activities.ActivityKind;

namespace SfaFlow.Sales.Workflows.Records;

/// <summary>
/// Records a call, meeting, e-mail or visit that has happened, with its outcome, on a record (its deal's last activity
/// moves on), through <see cref="SalesActivityService.LogAsync"/>.
/// </summary>
[Activity("Sfa.LogActivity", Category = "Sales", DisplayName = "Log activity",
    Description = "Records a done call, meeting, e-mail or visit with its outcome on a lead, deal, account or contact.")]
public sealed class LogActivity : WorkflowActivity
{
    [Input(Description = "What was done.", UIHint = "dropdown", Options = ["Call", "Meeting", "Email", "Visit", "Task"], DefaultValue = ActivityKind.Email, Order = 0)]
    public Input<ActivityKind> Kind { get; } = new();

    [Input(Description = "The activity's subject.", UIHint = "singleline", IsRequired = true, Order = 1)]
    public Input<string?> Subject { get; } = new();

    [Input(Description = "How it went, for example 'Reached' or 'Sent'.", UIHint = "singleline", DefaultValue = "Done", Order = 2)]
    public Input<string?> Outcome { get; } = new();

    [Input(Description = "Notes.", UIHint = "multiline", Order = 3)]
    public Input<string?> Notes { get; } = new();

    [Input(Description = WorkflowRecord.RecordInputDescription, UIHint = "singleline", Order = 4)]
    public Input<string?> Record { get; } = new();

    [Input(DisplayName = "Owner", Description = "Who did it; the record's owner when empty.", UIHint = "singleline", Order = 5)]
    public Input<long?> OwnerId { get; } = new();

    [Output(DisplayName = "Activity id")]
    public Output<long> ActivityId { get; } = new();

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = await context.LoadRecordAsync(context.GetInput(Record));
        var fields = (record.ActivityAbout(context.GetInput(Kind), context.GetInput(Subject) ?? "", context.GetInput(Notes), context.GetInput(OwnerId))
            ?? throw new InvalidOperationException($"{context.ActivityType} needs a record: set its input 'record' (lead:42), or start the workflow from a record's event (correlation id '{context.CorrelationId ?? "none"}').")) with { StartAt = context.Now };
        var loggedId = await context.OnceAsync(async _ => (await context.Service<SalesActivityService>().LogAsync(
            fields, new ActivityOutcome(context.GetInput(Outcome) ?? "Done", context.GetInput(Notes)), context.Principal(), context.CancellationToken)).Id);
        context.SetOutput(ActivityId, loggedId);
    }
}
