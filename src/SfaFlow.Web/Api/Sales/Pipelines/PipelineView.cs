using SfaFlow.Sales.Pipelines;

namespace SfaFlow.Web.Api.Sales.Pipelines;

/// <summary>A pipeline as the API shows it, with its stages in order; <see cref="Version"/> is also its ETag (a stage change is a new version).</summary>
public sealed record PipelineView(
    long Id, int Version, string Name, string? ProductLine, long? TeamId, bool AllowSkippingStages, bool AllowMovingBackwards, bool IsDefault,
    IReadOnlyList<StageView> Stages, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static PipelineView From(Pipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return new(pipeline.Id, pipeline.Version, pipeline.Name, pipeline.ProductLine, pipeline.TeamId, pipeline.AllowSkippingStages,
            pipeline.AllowMovingBackwards, pipeline.IsDefault, [.. pipeline.Stages.OrderBy(s => s.Order).Select(StageView.From)],
            pipeline.CreatedAt, pipeline.UpdatedAt);
    }
}

/// <summary>A stage of a pipeline: its position (from 1), its defaults, its gate and its stall threshold.</summary>
public sealed record StageView(
    long Id, string Name, int Order, int DefaultProbability, ForecastCategory ForecastCategory, string? GateCondition, string? GateMessage,
    int? StallThresholdDays, bool IsWon, bool IsLost)
{
    public static StageView From(Stage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return new(stage.Id, stage.Name, stage.Order, stage.DefaultProbability, stage.ForecastCategory, stage.GateCondition, stage.GateMessage,
            stage.StallThresholdDays, stage.IsWon, stage.IsLost);
    }
}
