using SfaFlow.Sales.Opportunities;
using SfaFlow.Sales.Pipelines;
using SfaFlow.Sales.Security;
using SfaFlow.Sales.Workflows;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Sales.Decisions;

/// <summary>
/// The trace of a stage move the rules decided: refused (whoever asked: a person, the API, a workflow) or allowed into a
/// gated stage. The gate is explained with the deal's values it read; the pipeline's own rules (no skipping, no going
/// back, closed deals) by their message.
/// </summary>
public static class StageGateTrace
{
    public const string MovedResult = "Moved";
    public const string RefusedResult = "Refused";

    public static RuleOutcome PipelineRule(string refusal) =>
        new("Pipeline rules", null, new Dictionary<string, object?>(), RuleOutcome.Failed, null, refusal);

    public static RuleOutcome GateRule(Stage stage, IReadOnlyDictionary<string, object?> opportunity, GateVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(verdict);
        var values = ScriptReads.ValuesRead(stage.GateCondition!, new Dictionary<string, object?> { ["opportunity"] = opportunity });
        var read = DecisionRules.Describe(values);
        var name = $"Gate of stage '{stage.Name}'";
        return verdict.Passed
            ? new RuleOutcome(name, stage.GateCondition, values, RuleOutcome.Passed, null, $"{name} passed: {read}.")
            : new RuleOutcome(name, stage.GateCondition, values, RuleOutcome.Failed, null, $"{name} refused the deal: {verdict.Reason} ({read}.)");
    }

    public static DecisionTrace Refused(Opportunity deal, Stage target, IReadOnlyList<RuleOutcome> rules, SalesPrincipal by, DateTimeOffset at) =>
        Create(deal, target, RefusedResult,
            $"Moving '{deal.Name}' to '{target.Name}' was refused: {string.Join(" ", rules.Where(r => !r.Held).Select(r => r.Message))}", rules, by, at);

    public static DecisionTrace Moved(Opportunity deal, Stage target, IReadOnlyList<RuleOutcome> rules, string? overrideReason, SalesPrincipal by, DateTimeOffset at) =>
        Create(deal, target, MovedResult, overrideReason is null
            ? $"'{deal.Name}' entered '{target.Name}': its gate passed."
            : $"'{deal.Name}' entered '{target.Name}' by override ({overrideReason}), although: {string.Join(" ", rules.Where(r => !r.Held).Select(r => r.Message))}", rules, by, at);

    private static DecisionTrace Create(Opportunity deal, Stage target, string result, string summary, IReadOnlyList<RuleOutcome> rules, SalesPrincipal by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(by);
        return new DecisionTrace
        {
            RecordType = RecordReference.Opportunity, RecordId = deal.Id, Kind = DecisionKind.StageGate, Subject = target.Name,
            Result = result, Summary = summary, RulesJson = DecisionTrace.WriteRules(rules), At = at,
            WorkflowInstanceId = by.WorkflowInstanceId, ByUserId = by.ToActor().UserId,
        };
    }
}
