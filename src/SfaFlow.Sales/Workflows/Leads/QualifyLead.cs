using SfaFlow.Plugins.Activities;
using SfaFlow.Sales.Decisions;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Workflows.Effects;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Sales.Workflows.Leads;

/// <summary>
/// Applies named JavaScript rules to a lead and qualifies it when enough of them pass (all, or at least N), through
/// <see cref="LeadService"/> like any other change (audited to the workflow). Optionally disqualifies it otherwise.
/// Every run leaves a qualification trace explaining each rule with the values it read.
/// </summary>
[Activity("Sfa.QualifyLead", Category = "Sales", DisplayName = "Qualify lead", Outcomes = [QualifiedOutcome, NotQualifiedOutcome],
    Description = "Checks a lead against named JavaScript rules; qualifies it when all (or at least N) pass, and records why.")]
public sealed class QualifyLead : WorkflowActivity
{
    public const string QualifiedOutcome = "Qualified";
    public const string NotQualifiedOutcome = "NotQualified";

    [Input(DisplayName = "Lead", Description = WorkflowLead.LeadIdDescription, UIHint = "singleline", Order = 0)]
    public Input<long?> LeadId { get; } = new();

    [Input(DisplayName = "Rule set", Description = "The rule set's name, shown in the decision trace.", UIHint = "singleline", DefaultValue = "Qualification", Order = 1)]
    public Input<string?> RuleSet { get; } = new();

    [Input(Description = "The rules, each {\"name\": \"From the web\", \"condition\": \"lead.source === 'Web'\"}: JavaScript over lead.",
        UIHint = "json", DefaultSyntax = "Object", IsRequired = true, Order = 2)]
    public Input<List<NamedRule>?> Rules { get; } = new();

    [Input(Description = "All: every rule must pass. AtLeast: at least 'Minimum passed' rules must.", UIHint = "dropdown",
        Options = ["All", "AtLeast"], DefaultValue = QualificationMode.All, Order = 3)]
    public Input<QualificationMode> Mode { get; } = new();

    [Input(DisplayName = "Minimum passed", Description = "With mode AtLeast: how many rules must pass.", UIHint = "singleline", DefaultValue = 1, Order = 4)]
    public Input<int> MinimumPassed { get; } = new();

    [Input(DisplayName = "Disqualify when not qualified", Description = "Disqualify the lead when the rules are not met (else leave it as it is).",
        UIHint = "checkbox", DefaultValue = false, Order = 5)]
    public Input<bool> DisqualifyWhenNotQualified { get; } = new();

    [Input(DisplayName = "Disqualify reason", Description = "The reason recorded when disqualifying; the rules that failed are added.",
        UIHint = "singleline", DefaultValue = "Did not meet the qualification rules", Order = 6)]
    public Input<string?> DisqualifyReason { get; } = new();

    [Output(Description = "How many rules passed.")]
    public Output<int> PassedRules { get; } = new();

    [Output(Description = "The decision in plain words, rule by rule.")]
    public Output<string?> Explanation { get; } = new();

    [Output(DisplayName = "Trace id", Description = "The decision trace (GET /api/leads/{id}/decisions).")]
    public Output<long> TraceId { get; } = new();

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lead = await WorkflowLead.LoadAsync(context, context.GetInput(LeadId));
        var rules = context.GetInput(Rules) is { Count: > 0 } given ? given : throw new InvalidOperationException("Sfa.QualifyLead needs at least one rule (input 'rules').");
        var scripts = context.Service<ScriptHost>();
        var globals = new Dictionary<string, object?> { ["lead"] = LeadScriptView.Create(lead) };
        var outcomes = rules.Select((r, i) => DecisionRules.Check(scripts, RuleName(r.Name, i), r.Condition ?? "", globals, context.CancellationToken)).ToList();
        var passed = outcomes.Count(o => o.Held);
        var needed = context.GetInput(Mode) == QualificationMode.AtLeast ? Math.Clamp(context.GetInput(MinimumPassed), 0, rules.Count) : rules.Count;
        var qualified = passed >= needed;
        var ruleSet = context.GetInput(RuleSet) is { Length: > 0 } name ? name : "Qualification";
        var summary = $"{(qualified ? "Qualified" : "Not qualified")}: {passed} of {rules.Count} rules passed, {needed} needed. {string.Join(" ", outcomes.Select(o => o.Message))}";

        // The decision and its trace commit together, once per execution.
        var traceId = await context.OnceAsync(async _ =>
        {
            var leads = context.Service<LeadService>();
            if (qualified)
            {
                await leads.QualifyAsync(lead.Id, $"{ruleSet}: {passed} of {rules.Count} rules passed.", null, context.Principal(), context.CancellationToken);
            }
            else if (context.GetInput(DisqualifyWhenNotQualified))
            {
                var reason = $"{context.GetInput(DisqualifyReason) ?? "Did not meet the qualification rules"}: {string.Join(", ", outcomes.Where(o => !o.Held).Select(o => o.Name))}.";
                await leads.DisqualifyAsync(lead.Id, reason, null, context.Principal(), context.CancellationToken);
            }

            var trace = await context.Service<DecisionTraces>().RecordAsync(new DecisionTrace
            {
                RecordType = RecordReference.Lead, RecordId = lead.Id, Kind = DecisionKind.Qualification, Subject = ruleSet,
                Result = qualified ? QualifiedOutcome : NotQualifiedOutcome, Summary = summary, RulesJson = DecisionTrace.WriteRules(outcomes),
                At = context.Now, WorkflowInstanceId = context.WorkflowInstanceId,
            }, context.CancellationToken);
            return trace.Id;
        });

        context.SetOutput(PassedRules, passed);
        context.SetOutput(Explanation, summary);
        context.SetOutput(TraceId, traceId);
        context.Complete(qualified ? QualifiedOutcome : NotQualifiedOutcome);
    }

    internal static string RuleName(string? name, int index) => string.IsNullOrWhiteSpace(name) ? $"Rule {index + 1}" : name.Trim();
}
