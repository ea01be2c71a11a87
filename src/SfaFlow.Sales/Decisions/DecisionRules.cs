using System.Collections;
using System.Globalization;
using System.Text.Json;
using SfaFlow.Sales.Workflows;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Sales.Decisions;

/// <summary>
/// Applies one named JavaScript rule to a record's view and explains it: what it read and whether it held. A rule that
/// fails to run (a typo, a sandbox limit) does not hold, and says why.
/// </summary>
public static class DecisionRules
{
    public static RuleOutcome Check(ScriptHost scripts, string name, string expression, IReadOnlyDictionary<string, object?> globals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        var values = ScriptReads.ValuesRead(expression, globals);
        try
        {
            var held = ScriptConditions.IsTruthy(scripts.Evaluate(expression, globals, cancellationToken));
            return new RuleOutcome(name, expression, values, held ? RuleOutcome.Passed : RuleOutcome.Failed, null,
                $"Rule '{name}' {(held ? "passed" : "did not pass")}: {Describe(values)}.");
        }
        catch (Exception exception) when (exception is ScriptEvaluationException or ScriptSyntaxException)
        {
            return new RuleOutcome(name, expression, values, RuleOutcome.Error, null,
                $"Rule '{name}' could not be evaluated, so it did not pass: {exception.Message}");
        }
    }

    /// <summary>"lead.source was 'Web', lead.score was 40"; "it read no record values" for a rule that reads none.</summary>
    public static string Describe(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 0 ? "it read no record values" : string.Join(", ", values.Select(p => $"{p.Key} was {Text(p.Value)}"));
    }

    private static string Text(object? value) => value switch
    {
        null => "empty",
        string text => $"'{text}'",
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable => JsonSerializer.Serialize(value),
        _ => value.ToString() ?? "",
    };
}
