namespace SfaFlow.Workflows.Instances;

/// <summary>The kinds of incident the engine and runtime raise themselves (<see cref="Incident.Kind"/>).</summary>
public static class IncidentKinds
{
    /// <summary>A burst executed more activities, or ran longer, than its budget allows: almost always a loop.</summary>
    public const string BurstBudget = "BurstBudget";

    /// <summary>The instance's saved state grew over its cap; the largest parts were dropped so that it could be stored.</summary>
    public const string StateLimit = "StateLimit";

    /// <summary>
    /// The instance is parked: it was running when the host stopped too many times in a row, or ran out of its budget
    /// too many times. It is not run again until its definition or data is fixed; retry refuses it.
    /// </summary>
    public const string Parked = "Parked";

    /// <summary>An event whose causation chain (record change, workflow, record change, ...) grew deeper than allowed.</summary>
    public const string CausationDepth = "CausationDepth";

    /// <summary>A definition started more instances from one cause than allowed.</summary>
    public const string StartRate = "StartRate";
}
