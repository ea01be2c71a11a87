using System.Text.Json.Serialization;
using SfaFlow.Plugins.Activities;

namespace SfaFlow.Workflows.Activities.Catalog;

/// <summary>
/// Everything the designer and the engine know about an activity type: what the toolbox shows, which inputs the property
/// panel offers, which ports a node has. Built from the activity class's attributes.
/// </summary>
public sealed record ActivityDescriptor
{
    public required string TypeKey { get; init; }

    public required string DisplayName { get; init; }

    public required string Category { get; init; }

    public string? Description { get; init; }

    public ActivityKind Kind { get; init; }

    public IReadOnlyList<InputDescriptor> Inputs { get; init; } = [];

    public IReadOnlyList<OutputDescriptor> Outputs { get; init; } = [];

    /// <summary>The fixed outcome ports. Empty for terminal activities and for <c>Elsa.Fault</c>.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [];

    /// <summary>The input whose value names further ports (a fork's branches, a switch's case labels), if any.</summary>
    public string? DynamicOutcomesFrom { get; init; }

    public bool IsBrowsable { get; init; } = true;

    /// <summary>Reaching this activity ends its flowchart (End, Break, Complete).</summary>
    public bool IsTerminal { get; init; }

    /// <summary>Where the type comes from: <c>SfaFlow</c> for built-ins, otherwise the plugin id.</summary>
    public string Source { get; init; } = "SfaFlow";

    /// <summary>The shared activity instance.</summary>
    [JsonIgnore]
    // Not 'required': System.Text.Json refuses required members it is told to ignore.
    public WorkflowActivity Activity { get; init; } = null!;

    /// <summary>Finds an input by JSON key (case-insensitive).</summary>
    public InputDescriptor? FindInput(string name) =>
        Inputs.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));
}
