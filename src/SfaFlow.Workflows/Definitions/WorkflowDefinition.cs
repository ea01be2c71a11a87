namespace SfaFlow.Workflows.Definitions;

/// <summary>
/// One version of a workflow, in Elsa 3's definition format. Immutable: edits produce a new instance, and the runtime
/// caches what it compiles from a definition against the instance.
/// </summary>
public sealed record WorkflowDefinition
{
    /// <summary>The id of this version (Elsa's <c>id</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The id shared by all versions (Elsa's <c>definitionId</c>).</summary>
    public required string DefinitionId { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public int Version { get; init; } = 1;

    /// <summary>The Elsa Studio version that wrote the file; it decides how scripts name activity outputs.</summary>
    public string? ToolVersion { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    public IReadOnlyList<WorkflowInputDefinition> Inputs { get; init; } = [];

    public IReadOnlyList<WorkflowOutputDefinition> Outputs { get; init; } = [];

    public IReadOnlyList<string> Outcomes { get; init; } = [];

    /// <summary>Free-form settings; SfaFlow's own live under keys starting with <c>SfaFlow:</c>.</summary>
    public JsonDictionary CustomProperties { get; init; } = JsonDictionary.Empty;

    /// <summary>Elsa's <c>options</c> object (usable-as-activity, incident strategy, ...).</summary>
    public JsonDictionary Options { get; init; } = JsonDictionary.Empty;

    public bool IsReadonly { get; init; }

    public bool IsSystem { get; init; }

    public bool IsLatest { get; init; } = true;

    public bool IsPublished { get; init; }

    /// <summary>The root activity, an <c>Elsa.Flowchart</c> for every workflow SfaFlow runs.</summary>
    public required ActivityNode Root { get; init; }

    /// <summary>Top-level keys SfaFlow does not interpret, kept so that a round trip loses nothing.</summary>
    public JsonDictionary Extra { get; init; } = JsonDictionary.Empty;

    /// <summary>The custom property that chooses the flowchart mode for every run of this definition.</summary>
    public const string FlowchartModeProperty = "SfaFlow:FlowchartMode";

    /// <summary>Walks every activity, nested flowcharts and bodies included, parents before children.</summary>
    public IEnumerable<ActivityNode> AllActivities() => Root.SelfAndDescendants();
}
