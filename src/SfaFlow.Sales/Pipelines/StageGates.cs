using SfaFlow.Sales.Decisions;
using SfaFlow.Workflows.Scripting;

namespace SfaFlow.Sales.Pipelines;

/// <summary>The verdict of a stage's gate on a deal: passed, or why not (the stage's message, or the script's error).</summary>
public sealed record GateVerdict(bool Passed, string? Reason)
{
    public static GateVerdict Pass { get; } = new(true, null);
}

/// <summary>
/// Evaluates stage gates: JavaScript over <c>opportunity</c>, in the same sandbox as workflow scripts. A gate that fails
/// to run (a script error, a limit) refuses the move rather than letting it through.
/// </summary>
public sealed class StageGates(ScriptHost scripts)
{
    public GateVerdict Evaluate(Stage stage, IReadOnlyDictionary<string, object?> opportunity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (string.IsNullOrWhiteSpace(stage.GateCondition))
        {
            return GateVerdict.Pass;
        }

        try
        {
            var result = scripts.Evaluate(stage.GateCondition, new Dictionary<string, object?> { ["opportunity"] = opportunity }, cancellationToken);
            return ScriptTruth.IsTruthy(result)
                ? GateVerdict.Pass
                : new GateVerdict(false, stage.GateMessage ?? $"The deal does not meet the gate of stage '{stage.Name}': {stage.GateCondition}");
        }
        catch (Exception exception) when (exception is ScriptEvaluationException or ScriptSyntaxException)
        {
            return new GateVerdict(false, $"The gate of stage '{stage.Name}' could not be evaluated: {exception.Message}");
        }
    }
}
