namespace SfaFlow.Workflows.Definitions;

/// <summary>
/// One activity in a definition. Inputs, outputs and any keys SfaFlow does not know stay as JSON in
/// <see cref="Properties"/>, so an activity type SfaFlow cannot run still survives a read and write unchanged.
/// </summary>
public sealed record ActivityNode
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public int Version { get; init; } = 1;

    /// <summary>The designer name (<c>WriteLine1</c>); scripts use it to read the activity's outputs.</summary>
    public string? Name { get; init; }

    /// <summary><c>canStartWorkflow</c>, <c>runAsynchronously</c>, <c>mergeMode</c> and anything else the file carries.</summary>
    public JsonDictionary CustomProperties { get; init; } = JsonDictionary.Empty;

    /// <summary>Designer data: position, size, display text.</summary>
    public JsonDictionary Metadata { get; init; } = JsonDictionary.Empty;

    /// <summary>Every other key, in document order: inputs, outputs and unknown keys.</summary>
    public JsonDictionary Properties { get; init; } = JsonDictionary.Empty;

    /// <summary>The activities, connections and variables when this is an <c>Elsa.Flowchart</c>.</summary>
    public FlowchartContent? Flowchart { get; init; }

    /// <summary>The nested activity when this is a container such as <c>Elsa.FlowNode</c>.</summary>
    public ActivityNode? Body { get; init; }

    /// <summary>Whether the activity may start a workflow (Elsa's <c>customProperties.canStartWorkflow</c>).</summary>
    public bool CanStartWorkflow => CustomProperties.GetBoolean("canStartWorkflow") ?? false;

    /// <summary>The token-mode merge mode (<c>customProperties.mergeMode</c>), or null.</summary>
    public string? MergeMode => CustomProperties.GetString("mergeMode");

    /// <summary>This activity, then every activity nested in it, depth first.</summary>
    public IEnumerable<ActivityNode> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Children())
        {
            foreach (var descendant in child.SelfAndDescendants())
            {
                yield return descendant;
            }
        }
    }

    /// <summary>The directly nested activities: a flowchart's activities or a container's body.</summary>
    public IEnumerable<ActivityNode> Children()
    {
        if (Flowchart is not null)
        {
            foreach (var activity in Flowchart.Activities)
            {
                yield return activity;
            }
        }

        if (Body is not null)
        {
            yield return Body;
        }
    }
}
