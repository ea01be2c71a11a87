using SfaFlow.Plugins.Activities;
using SfaFlow.Plugins.Events;

namespace SfaFlow.Sales.Workflows.Triggers;

/// <summary>Starts a workflow for every new lead (or those its condition picks), correlated to the lead.</summary>
[Activity("Sfa.LeadCreated", Category = "Sales triggers", DisplayName = "Lead created", Kind = ActivityKind.Trigger,
    Description = "Starts the workflow when a lead is created (by a person, an import, a workflow or the API), for the leads the condition picks.")]
public sealed class LeadCreatedTrigger : RecordEventTrigger
{
    [Input(Description = "JavaScript over `lead`; only leads for which it is true start the workflow. Empty: every lead.", UIHint = "code-editor")]
    public Input<string?> Condition { get; } = new();

    [Output(Description = "The lead as scripts see it.")]
    public Output<object?> Lead { get; } = new();

    protected override string EventListened => SalesEventNames.LeadCreated;

    public override bool Accepts(IReadOnlyDictionary<string, object?> settings, object? payload, IServiceProvider services) =>
        ScriptConditions.Holds(services, Text(settings, Condition), new Dictionary<string, object?> { ["lead"] = Part(payload, "lead") });

    protected override IReadOnlyDictionary<string, object?> Settings(IActivityExecutionContext context) =>
        new Dictionary<string, object?> { [Condition.Name] = context.GetInput(Condition) };

    protected override void SetOutputs(IActivityExecutionContext context, IReadOnlyDictionary<string, object?> payload) =>
        context.SetOutput(Lead, Part(payload, "lead"));
}
