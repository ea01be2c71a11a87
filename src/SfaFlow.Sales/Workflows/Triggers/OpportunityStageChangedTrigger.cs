using SfaFlow.Plugins.Activities;
using SfaFlow.Plugins.Events;

namespace SfaFlow.Sales.Workflows.Triggers;

/// <summary>Starts a workflow when a deal moves between stages, optionally only in one pipeline, from or into given stages.</summary>
[Activity("Sfa.OpportunityStageChanged", Category = "Sales triggers", DisplayName = "Deal stage changed", Kind = ActivityKind.Trigger,
    Description = "Starts the workflow when a deal enters a stage: any move, or only in a pipeline, from or to the stages named.")]
public sealed class OpportunityStageChangedTrigger : RecordEventTrigger
{
    [Input(DisplayName = "Pipeline", Description = "The pipeline's id; empty: every pipeline.", UIHint = "singleline")]
    public Input<string?> Pipeline { get; } = new();

    [Input(DisplayName = "From stages", Description = "Stage names or ids the deal leaves, comma-separated; empty: any.", UIHint = "singleline")]
    public Input<string?> FromStages { get; } = new();

    [Input(DisplayName = "To stages", Description = "Stage names or ids the deal enters, comma-separated; empty: any.", UIHint = "singleline")]
    public Input<string?> ToStages { get; } = new();

    [Input(Description = "JavaScript over `opportunity`, `fromStage` and `toStage` (names); empty: always.", UIHint = "code-editor")]
    public Input<string?> Condition { get; } = new();

    [Output(Description = "The deal as scripts see it, in its new stage.")]
    public Output<object?> Opportunity { get; } = new();

    [Output(Description = "The stage's name the deal left.")]
    public Output<string?> FromStage { get; } = new();

    [Output(Description = "The stage's name the deal entered.")]
    public Output<string?> ToStage { get; } = new();

    protected override string EventListened => SalesEventNames.OpportunityStageChanged;

    public override bool Accepts(IReadOnlyDictionary<string, object?> settings, object? payload, IServiceProvider services)
    {
        var move = PayloadFields(payload);
        return Matches(Text(settings, Pipeline), move.GetValueOrDefault("pipelineId"))
            && Matches(Text(settings, FromStages), move.GetValueOrDefault("fromStageId"), move.GetValueOrDefault("fromStage"))
            && Matches(Text(settings, ToStages), move.GetValueOrDefault("toStageId"), move.GetValueOrDefault("toStage"))
            && ScriptConditions.Holds(services, Text(settings, Condition), new Dictionary<string, object?>
            {
                ["opportunity"] = Part(payload, "opportunity"),
                ["fromStage"] = move.GetValueOrDefault("fromStage"),
                ["toStage"] = move.GetValueOrDefault("toStage"),
            });
    }

    protected override IReadOnlyDictionary<string, object?> Settings(IActivityExecutionContext context) => new Dictionary<string, object?>
    {
        [Pipeline.Name] = context.GetInput(Pipeline),
        [FromStages.Name] = context.GetInput(FromStages),
        [ToStages.Name] = context.GetInput(ToStages),
        [Condition.Name] = context.GetInput(Condition),
    };

    protected override void SetOutputs(IActivityExecutionContext context, IReadOnlyDictionary<string, object?> payload)
    {
        context.SetOutput(Opportunity, Part(payload, "opportunity"));
        context.SetOutput(FromStage, payload.GetValueOrDefault("fromStage") as string);
        context.SetOutput(ToStage, payload.GetValueOrDefault("toStage") as string);
    }
}
