namespace SfaFlow.Sales.Decisions;

/// <summary>What a decision trace decided.</summary>
public enum DecisionKind
{
    /// <summary>Whether a lead met its qualification rules.</summary>
    Qualification,

    /// <summary>How many points a lead scored, rule by rule.</summary>
    Scoring,

    /// <summary>Whether a deal could enter a stage (the stage's gate and the pipeline's order).</summary>
    StageGate,
}
