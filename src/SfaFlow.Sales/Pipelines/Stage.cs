namespace SfaFlow.Sales.Pipelines;

/// <summary>
/// A step of a pipeline: its defaults for probability and forecast category, the gate a deal must pass to enter it (a
/// JavaScript condition over <c>opportunity</c>), and after how many days a deal in it counts as stalled.
/// </summary>
public sealed class Stage
{
    public long Id { get; set; }

    public long PipelineId { get; set; }

    public required string Name { get; set; }

    /// <summary>Position in the pipeline, from 1.</summary>
    public int Order { get; set; }

    public int DefaultProbability { get; set; }

    public ForecastCategory ForecastCategory { get; set; }

    /// <summary>JavaScript that must be true for a deal to enter the stage; null for none.</summary>
    public string? GateCondition { get; set; }

    /// <summary>What a refused move says, in plain words ("A proposal must be sent before negotiation").</summary>
    public string? GateMessage { get; set; }

    public int? StallThresholdDays { get; set; }

    public bool IsWon { get; set; }

    public bool IsLost { get; set; }
}
