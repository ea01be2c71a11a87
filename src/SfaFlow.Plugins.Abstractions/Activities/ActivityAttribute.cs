namespace SfaFlow.Plugins.Activities;

/// <summary>
/// Declares a class as a workflow activity. The type key is what stored workflow JSON refers to, so it must never change:
/// renaming the class is safe, renaming the key breaks every workflow that uses it.
/// </summary>
/// <param name="typeKey">The stable type key, for example <c>Elsa.WriteLine</c> or <c>Sfa.CreateTask</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string typeKey) : Attribute
{
    /// <summary>The stable type key written into workflow JSON as the activity's <c>type</c>.</summary>
    public string TypeKey { get; } = typeKey;

    /// <summary>The designer toolbox group, for example <c>Branching</c>.</summary>
    public string Category { get; set; } = "Miscellaneous";

    /// <summary>The name shown in the designer; defaults to the class name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>One sentence on what the activity does.</summary>
    public string? Description { get; set; }

    /// <summary>The fixed outcome ports; <c>Done</c> by default. Empty for terminal activities.</summary>
    public string[] Outcomes { get; set; } = [WorkflowActivity.DoneOutcome];

    /// <summary>
    /// The input whose value names further outcome ports (for example a fork's <c>branches</c>), or null when the
    /// outcomes are all listed in <see cref="Outcomes"/>.
    /// </summary>
    public string? DynamicOutcomesFrom { get; set; }

    /// <summary>Whether the activity is an action, a trigger or a human task.</summary>
    public ActivityKind Kind { get; set; } = ActivityKind.Action;

    /// <summary>Whether the designer lists the activity in its toolbox.</summary>
    public bool IsBrowsable { get; set; } = true;
}
