using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SfaFlow.Plugins.Activities;
using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Records;

using SfaFlow.Sales.Workflows.Effects;

namespace SfaFlow.Sales.Workflows.Records;

/// <summary>
/// Moves a deal to a stage of its pipeline, by id or name, through <see cref="OpportunityService.MoveToStageAsync"/>: gates
/// and the pipeline's order apply and a workflow never overrides them. A refusal is not a fault but an outcome, with its
/// reasons; the service keeps a StageGate trace of it.
/// </summary>
[Activity("Sfa.SetStage", Category = "Sales", DisplayName = "Set stage", Outcomes = [MovedOutcome, RefusedOutcome],
    Description = "Moves a deal to a stage (gates apply); continues on Moved, or on Refused with the reasons.")]
public sealed class SetStage : WorkflowActivity
{
    public const string MovedOutcome = "Moved";
    public const string RefusedOutcome = "Refused";

    [Input(DisplayName = "Opportunity", Description = "The deal's id; leave empty for the workflow's own deal (correlation id opportunity:<id>).", UIHint = "singleline", Order = 0)]
    public Input<long?> OpportunityId { get; } = new();

    [Input(Description = "The stage to enter: its id, or its name in the deal's pipeline (case does not matter).", UIHint = "singleline", IsRequired = true, Order = 1)]
    public Input<string?> Stage { get; } = new();

    [Input(DisplayName = "Lost reason", Description = "Needed when the stage closes the deal as lost.", UIHint = "singleline", Order = 2)]
    public Input<string?> LostReason { get; } = new();

    [Input(Description = "The competitor the deal was lost to, if any.", UIHint = "singleline", Order = 3)]
    public Input<string?> Competitor { get; } = new();

    [Output(Description = "Why the move was refused, one reason each (empty when it moved).")]
    public Output<List<string>?> Reasons { get; } = new();

    [Output(DisplayName = "Stage id", Description = "The deal's stage afterwards.")]
    public Output<long> StageId { get; } = new();

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.RecordId(RecordReference.Opportunity, context.GetInput(OpportunityId), "opportunityId");
        var by = context.Principal();
        Opportunity deal;
        Pipelines.Stage target;
        await using (var db = await context.Service<ISalesDatabaseFactory>().OpenAsync(context.CancellationToken))
        {
            deal = await db.Opportunities.AsNoTracking().FindInScopeAsync(id, by, context.CancellationToken);
            var stages = await db.Stages.AsNoTracking().Where(s => s.PipelineId == deal.PipelineId).OrderBy(s => s.Order).ToListAsync(context.CancellationToken);
            target = Find(stages, context.GetInput(Stage));
        }

        // Already there (a retried step, or a person was quicker): the workflow's intent holds.
        if (deal.StageId == target.Id)
        {
            Done(context, target.Id, []);
            return;
        }

        // The move (or the gate's refusal, whose trace is kept) commits once per execution.
        var result = await context.OnceAsync(async _ =>
        {
            try
            {
                var moved = await context.Service<OpportunityService>().MoveToStageAsync(id,
                    new StageMove(target.Id, LostReason: context.GetInput(LostReason), Competitor: context.GetInput(Competitor)), by, context.CancellationToken);
                return new Outcome(moved.StageId, []);
            }
            catch (RuleViolationException refused) when (refused.Violations.Count > 0 && refused.Violations.All(v => v.Field == "stageId"))
            {
                return new Outcome(deal.StageId, [.. refused.Violations.Select(v => v.Message)]);
            }
        });
        Done(context, result.StageId, result.Reasons);
    }

    private sealed record Outcome(long StageId, List<string> Reasons);

    private void Done(IActivityExecutionContext context, long stageId, List<string> reasons)
    {
        context.SetOutput(Reasons, reasons);
        context.SetOutput(StageId, stageId);
        context.Complete(reasons.Count == 0 ? MovedOutcome : RefusedOutcome);
    }

    private static Pipelines.Stage Find(List<Pipelines.Stage> stages, string? wanted)
    {
        var text = wanted?.Trim() ?? "";
        return (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var stageId)
                   ? stages.FirstOrDefault(s => s.Id == stageId)
                   : stages.FirstOrDefault(s => string.Equals(s.Name, text, StringComparison.OrdinalIgnoreCase)))
               ?? throw new InvalidOperationException($"Sfa.SetStage: the deal's pipeline has no stage '{text}' (its stages: {string.Join(", ", stages.Select(s => $"'{s.Name}' ({s.Id})"))}).");
    }
}
