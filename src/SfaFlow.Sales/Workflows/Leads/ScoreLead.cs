using SfaFlow.Plugins.Activities;
using SfaFlow.Sales.Decisions;
using SfaFlow.Sales.Leads;
using SfaFlow.Sales.Workflows.Effects;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Sales.Workflows.Leads;

/// <summary>
/// Scores a lead with points rules: each rule whose JavaScript condition holds adds its points, a group adds no more
/// than its cap, and the total stays within 0 and the maximum (at most 100). The score and its explanation are set on the
/// lead through <see cref="LeadService"/>, and a scoring trace keeps every rule with the values it read.
/// </summary>
[Activity("Sfa.ScoreLead", Category = "Sales", DisplayName = "Score lead",
    Description = "Adds up points rules over a lead (capped per group and in total, 0 to 100), sets its score and explanation, and records why.")]
public sealed class ScoreLead : WorkflowActivity
{
    [Input(DisplayName = "Lead", Description = WorkflowLead.LeadIdDescription, UIHint = "singleline", Order = 0)]
    public Input<long?> LeadId { get; } = new();

    [Input(DisplayName = "Rule set", Description = "The rule set's name, shown in the decision trace.", UIHint = "singleline", DefaultValue = "Scoring", Order = 1)]
    public Input<string?> RuleSet { get; } = new();

    [Input(Description = "The rules, each {\"name\": \"From the web\", \"condition\": \"lead.source === 'Web'\", \"points\": 20, \"group\": \"fit\"}; points may be negative.",
        UIHint = "json", DefaultSyntax = "Object", IsRequired = true, Order = 2)]
    public Input<List<PointsRule>?> Rules { get; } = new();

    [Input(DisplayName = "Group caps", Description = "The most points each group may add, for example {\"fit\": 40, \"engagement\": 60}.",
        UIHint = "json", DefaultSyntax = "Object", Order = 3)]
    public Input<Dictionary<string, int>?> GroupCaps { get; } = new();

    [Input(DisplayName = "Maximum score", Description = "The total cap, from 0 to 100.", UIHint = "singleline", DefaultValue = 100, Order = 4)]
    public Input<int> MaximumScore { get; } = new();

    [Output(Description = "The lead's new score, 0 to 100.")]
    public Output<int> Score { get; } = new();

    [Output(Description = "Why, rule by rule, as set on the lead's scoreExplanation.")]
    public Output<string?> Explanation { get; } = new();

    [Output(DisplayName = "Trace id", Description = "The decision trace (GET /api/leads/{id}/decisions).")]
    public Output<long> TraceId { get; } = new();

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lead = await WorkflowLead.LoadAsync(context, context.GetInput(LeadId));
        var rules = context.GetInput(Rules) is { Count: > 0 } given ? given : throw new InvalidOperationException("Sfa.ScoreLead needs at least one rule (input 'rules').");
        var caps = new Dictionary<string, int>(context.GetInput(GroupCaps) ?? [], StringComparer.OrdinalIgnoreCase);
        var maximum = Math.Clamp(context.GetInput(MaximumScore), 0, 100);
        var scripts = context.Service<ScriptHost>();
        var globals = new Dictionary<string, object?> { ["lead"] = LeadScriptView.Create(lead) };

        var card = new ScoreCard(caps);
        var outcomes = rules.Select((rule, i) => card.Add(rule, DecisionRules.Check(scripts, QualifyLead.RuleName(rule.Name, i), rule.Condition ?? "", globals, context.CancellationToken))).ToList();
        var score = Math.Clamp(card.Total, 0, maximum);
        var capped = score != card.Total ? $" The rules add up to {card.Total}; the score is kept within 0 and {maximum}." : "";
        var explanation = $"Score {score}.{capped} {string.Join(" ", outcomes.Select(o => o.Message))}";
        var ruleSet = context.GetInput(RuleSet) is { Length: > 0 } name ? name : "Scoring";

        // The score and its trace commit together, once per execution.
        var traceId = await context.OnceAsync(async _ =>
        {
            await context.Service<LeadService>().ScoreAsync(lead.Id, score, explanation, context.Principal(), context.CancellationToken);
            var trace = await context.Service<DecisionTraces>().RecordAsync(new DecisionTrace
            {
                RecordType = RecordReference.Lead, RecordId = lead.Id, Kind = DecisionKind.Scoring, Subject = ruleSet, Result = "Scored", Score = score,
                Summary = explanation, RulesJson = DecisionTrace.WriteRules(outcomes), At = context.Now, WorkflowInstanceId = context.WorkflowInstanceId,
            }, context.CancellationToken);
            return trace.Id;
        });

        context.SetOutput(Score, score);
        context.SetOutput(Explanation, explanation);
        context.SetOutput(TraceId, traceId);
    }

    /// <summary>Adds up points within each group's cap, explaining each rule's share.</summary>
    private sealed class ScoreCard(Dictionary<string, int> caps)
    {
        private readonly Dictionary<string, int> _groups = new(StringComparer.OrdinalIgnoreCase);

        public int Total { get; private set; }

        public RuleOutcome Add(PointsRule rule, RuleOutcome check)
        {
            var read = DecisionRules.Describe(check.ValuesRead);
            if (!check.Held)
            {
                return check with { Points = 0, Message = check.Result == RuleOutcome.Error ? check.Message : $"Rule '{check.Name}' gave no points: {read}." };
            }

            var points = rule.Points;
            var note = "";
            if (rule.Group is { Length: > 0 } group && caps.TryGetValue(group, out var cap) && points > 0)
            {
                var sofar = _groups.GetValueOrDefault(group);
                points = Math.Max(0, Math.Min(points, cap - sofar));
                note = points < rule.Points ? $" ({points} of its {rule.Points}: group '{group}' is capped at {cap})" : "";
            }

            if (rule.Group is { Length: > 0 } counted)
            {
                _groups[counted] = _groups.GetValueOrDefault(counted) + points;
            }

            Total += points;
            return check with { Points = points, Message = $"Rule '{check.Name}' gave {points} points{note}: {read}." };
        }
    }
}
