using Microsoft.EntityFrameworkCore;
using SfaFlow.Sales.Records;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Sales.Pipelines;

public sealed partial class PipelineService
{
    /// <summary>Every rule of a pipeline and its stages, all violations at once; stage fields are named <c>stages[i].field</c>.</summary>
    private async Task CheckAsync(ISalesDatabase db, Pipeline pipeline, PipelineFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var violations = new List<RuleViolation>();
        var name = fields.Name?.Trim() ?? "";
        violations.RequireText(name, "name", "A pipeline needs a name.");
        violations.Require(name.Length == 0 || !await db.Pipelines.AnyAsync(p => p.Id != pipeline.Id && p.Name == name, cancellationToken), "name", $"There is a pipeline named '{name}' already.");
        await violations.ExistsAsync(db.Teams, fields.TeamId, "teamId", "team", cancellationToken);
        var stages = fields.Stages ?? [];
        CheckStages(stages, violations);
        CheckStageIds(pipeline, stages, violations);
        await CheckRemovalsAsync(db, pipeline, stages, violations, cancellationToken);
        violations.ThrowIfAny($"The pipeline '{fields.Name}' is not valid.");
    }

    private void CheckStages(IReadOnlyList<StageFields> stages, List<RuleViolation> violations)
    {
        violations.Require(stages.Count(s => s.IsWon) == 1, "stages", "A pipeline has exactly one won stage.");
        violations.Require(stages.Count(s => s.IsLost) == 1, "stages", "A pipeline has exactly one lost stage.");
        violations.Require(stages.Any(s => !s.IsWon && !s.IsLost), "stages", "A pipeline needs at least one open stage.");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var closingSeen = false;
        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            var at = $"stages[{i}]";
            var closing = stage.IsWon || stage.IsLost;
            violations.RequireText(stage.Name, $"{at}.name", "A stage needs a name.");
            violations.Require(string.IsNullOrWhiteSpace(stage.Name) || names.Add(stage.Name.Trim()), $"{at}.name", $"There are two stages named '{stage.Name}'.");
            violations.Require(!(stage.IsWon && stage.IsLost), $"{at}.isLost", "A stage is won or lost, not both.");

            // Stage moves compare orders ("skipping" is moving past open stages), so the closing stages come last.
            violations.Require(closing || !closingSeen, $"{at}.isWon", $"Open stages come before the won and lost stages; '{stage.Name}' comes after one.");
            closingSeen |= closing;
            violations.Require(stage.DefaultProbability is >= 0 and <= 100, $"{at}.defaultProbability", "A probability is a percentage from 0 to 100.");
            violations.Require(!stage.IsWon || stage.DefaultProbability == 100, $"{at}.defaultProbability", "The won stage's probability is 100.");
            violations.Require(!stage.IsLost || stage.DefaultProbability == 0, $"{at}.defaultProbability", "The lost stage's probability is 0.");
            violations.Require(Enum.IsDefined(stage.ForecastCategory), $"{at}.forecastCategory", $"forecastCategory is one of {string.Join(", ", Enum.GetNames<ForecastCategory>())}.");
            violations.Require(stage.StallThresholdDays is null or > 0, $"{at}.stallThresholdDays", "A stall threshold is a number of days above 0.");
            if (!string.IsNullOrWhiteSpace(stage.GateCondition))
            {
                try
                {
                    scripts.Parse(stage.GateCondition);
                }
                catch (ScriptSyntaxException error)
                {
                    violations.Add(new RuleViolation($"{at}.gateCondition", $"The gate is not valid JavaScript: {error.Description} (line {error.Line}, column {error.Column})."));
                }
            }
        }
    }

    private static void CheckStageIds(Pipeline pipeline, IReadOnlyList<StageFields> stages, List<RuleViolation> violations)
    {
        var seen = new HashSet<long>();
        for (var i = 0; i < stages.Count; i++)
        {
            if (stages[i].Id is { } id)
            {
                violations.Require(pipeline.Stages.Any(s => s.Id == id), $"stages[{i}].id", $"Stage {id} is not a stage of this pipeline (leave the id out for a new stage).");
                violations.Require(seen.Add(id), $"stages[{i}].id", $"Stage {id} is listed twice.");
            }
        }
    }

    /// <summary>A stage deals are in, or have moved through, stays: analytics and history name it.</summary>
    private static async Task CheckRemovalsAsync(ISalesDatabase db, Pipeline pipeline, IReadOnlyList<StageFields> stages, List<RuleViolation> violations, CancellationToken cancellationToken)
    {
        var kept = stages.Where(s => s.Id is not null).Select(s => s.Id!.Value).ToHashSet();
        foreach (var removed in pipeline.Stages.Where(s => !kept.Contains(s.Id)))
        {
            var deals = await db.Opportunities.CountAsync(o => o.StageId == removed.Id, cancellationToken);
            var moves = await db.StageChanges.CountAsync(c => c.ToStageId == removed.Id || c.FromStageId == removed.Id, cancellationToken);
            violations.Require(deals == 0 && moves == 0, "stages",
                $"Stage '{removed.Name}' cannot be removed: {deals} deal(s) are in it and {moves} stage change(s) refer to it. Keep it (rename it if needed).");
        }
    }
}
