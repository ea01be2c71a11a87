namespace SfaFlow.Sales.Pipelines;

/// <summary>
/// A pipeline as an admin sets it: its stages in order (their order is their position, 1..n), the open stages first, then
/// exactly one won and one lost stage.
/// </summary>
public sealed record PipelineFields
{
    public required string Name { get; init; }

    public string? ProductLine { get; init; }

    public long? TeamId { get; init; }

    public bool AllowSkippingStages { get; init; }

    public bool AllowMovingBackwards { get; init; } = true;

    /// <summary>Making a pipeline the default takes it from the one that was (there is one default).</summary>
    public bool IsDefault { get; init; }

    public required IReadOnlyList<StageFields> Stages { get; init; }
}

/// <summary>A stage of a pipeline. An update names existing stages by id; a stage without one is new, one left out is removed.</summary>
public sealed record StageFields
{
    public long? Id { get; init; }

    public required string Name { get; init; }

    public int DefaultProbability { get; init; }

    public ForecastCategory ForecastCategory { get; init; }

    /// <summary>JavaScript over <c>opportunity</c> that must be true to enter the stage; it must parse.</summary>
    public string? GateCondition { get; init; }

    public string? GateMessage { get; init; }

    public int? StallThresholdDays { get; init; }

    public bool IsWon { get; init; }

    public bool IsLost { get; init; }
}
