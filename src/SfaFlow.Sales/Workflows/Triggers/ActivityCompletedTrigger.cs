using SfaFlow.Plugins.Activities;
using SfaFlow.Plugins.Events;

namespace SfaFlow.Sales.Workflows.Triggers;

/// <summary>Starts a workflow when a call, meeting, e-mail, task or visit is completed, optionally of a kind and with an outcome.</summary>
[Activity("Sfa.ActivityCompleted", Category = "Sales triggers", DisplayName = "Activity completed", Kind = ActivityKind.Trigger,
    Description = "Starts the workflow when a sales activity is done: of the kinds and outcomes named, when the condition over `activity` holds.")]
public sealed class ActivityCompletedTrigger : RecordEventTrigger
{
    [Input(Description = "Kinds, comma-separated (Call, Meeting, Email, Task, Visit); empty: any.", UIHint = "singleline")]
    public Input<string?> Kinds { get; } = new();

    [Input(Description = "Outcomes, comma-separated (Interested, No answer, ...); empty: any.", UIHint = "singleline")]
    public Input<string?> Outcomes { get; } = new();

    [Input(Description = "JavaScript over `activity`; empty: always.", UIHint = "code-editor")]
    public Input<string?> Condition { get; } = new();

    [Output(Description = "The completed activity: id, kind, subject, outcome and the records it is on.")]
    public Output<object?> Activity { get; } = new();

    protected override string EventListened => SalesEventNames.ActivityCompleted;

    public override bool Accepts(IReadOnlyDictionary<string, object?> settings, object? payload, IServiceProvider services)
    {
        var activity = Part(payload, "activity");
        return Matches(Text(settings, Kinds), activity.GetValueOrDefault("kind"))
            && Matches(Text(settings, Outcomes), activity.GetValueOrDefault("outcome"))
            && ScriptConditions.Holds(services, Text(settings, Condition), new Dictionary<string, object?> { ["activity"] = activity });
    }

    protected override IReadOnlyDictionary<string, object?> Settings(IActivityExecutionContext context) => new Dictionary<string, object?>
    {
        [Kinds.Name] = context.GetInput(Kinds),
        [Outcomes.Name] = context.GetInput(Outcomes),
        [Condition.Name] = context.GetInput(Condition),
    };

    protected override void SetOutputs(IActivityExecutionContext context, IReadOnlyDictionary<string, object?> payload) =>
        context.SetOutput(Activity, Part(payload, "activity"));
}
