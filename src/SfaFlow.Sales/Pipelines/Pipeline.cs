using SfaFlow.Sales.Records;

namespace SfaFlow.Sales.Pipelines;

/// <summary>A sales process: ordered stages, and how strictly deals must follow their order.</summary>
public sealed class Pipeline : SalesRecord
{
    public required string Name { get; set; }

    /// <summary>The product line or team it is for, if not for all.</summary>
    public string? ProductLine { get; set; }

    public long? TeamId { get; set; }

    /// <summary>Whether a deal may jump over stages (forward) without an override.</summary>
    public bool AllowSkippingStages { get; set; }

    /// <summary>Whether a deal may go back to an earlier stage without an override.</summary>
    public bool AllowMovingBackwards { get; set; } = true;

    public bool IsDefault { get; set; }

    public List<Stage> Stages { get; set; } = [];
}
