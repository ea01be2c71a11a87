using System.Text.Json;
using SfaFlow.Plugins.Activities;
using SfaFlow.Workflows.Compilation;
using SfaFlow.Workflows.Execution;
using SfaFlow.Workflows.Expressions;

namespace SfaFlow.Workflows.Activities.Flow;

/// <summary>
/// Evaluates every case condition in order and continues on the first matching case's port (MatchFirst) or on every
/// matching case's port (MatchAny); on Default when none match. A case matches only when its condition is boolean true.
/// </summary>
[Activity("Elsa.FlowSwitch", Category = "Branching", DisplayName = "Switch", Outcomes = ["Default"], DynamicOutcomesFrom = "cases",
    Description = "Continues on the port of the case whose condition holds.")]
internal sealed class FlowSwitch : WorkflowActivity, ICompilingActivity
{
    [Input(Description = "Cases: a label (the port) and a condition each.", IsWrapped = false, UIHint = "switch-editor")]
    public Input<List<SwitchCase>?> Cases { get; } = new();

    [Input(Description = "MatchFirst takes the first matching case; MatchAny takes all of them.", UIHint = "dropdown",
        DefaultValue = SwitchMode.MatchFirst)]
    public Input<SwitchMode> Mode { get; } = new();

    public void Compile(NodeCompilation compilation)
    {
        var compiled = new List<(string Label, CompiledInput? Condition)>();
        if (compilation.TryGetConstant(Cases.Index, out var value) && value is List<SwitchCase> cases)
        {
            for (var i = 0; i < cases.Count; i++)
            {
                var path = $"{compilation.Path}.cases[{i}].condition";
                var condition = cases[i].Condition;
                var type = condition is { } c && ExpressionCompiler.TryGet(c, "type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : ExpressionTypes.Literal;
                var body = condition is { } c2 && ExpressionCompiler.TryGet(c2, "value", out var v) ? v : default;
                compiled.Add((cases[i].Label ?? "", compilation.Expressions.Compile(type, body, typeof(object), $"{path}.value", $"{path}.type", compilation.VariableIds)));
            }
        }

        compilation.Node.Data = compiled;
    }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var execution = (ActivityExecutionContext)context;
        var cases = (List<(string Label, CompiledInput? Condition)>?)execution.Node.Data ?? [];
        var mode = context.GetInput(Mode);
        var matches = new List<string>();
        foreach (var (label, condition) in cases)
        {
            // Every condition is evaluated, even after a match in MatchFirst mode, as Elsa does.
            if (condition?.Evaluate(execution) is true)
            {
                matches.Add(label);
            }
        }

        context.Complete(matches.Count == 0 ? ["Default"] : mode == SwitchMode.MatchAny ? [.. matches] : [matches[0]]);
        return ValueTask.CompletedTask;
    }
}

/// <summary>One case of a switch: the port label and the condition, as Elsa writes them.</summary>
internal sealed record SwitchCase(string? Label, JsonElement? Condition);

/// <summary>Elsa's <c>SwitchMode</c>.</summary>
public enum SwitchMode
{
    MatchFirst,
    MatchAny,
}
