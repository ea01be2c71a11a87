using System.Text.Json.Serialization;
using SfaFlow.Plugins.Activities;

namespace SfaFlow.Workflows.Activities.Catalog;

/// <summary>An activity output as the designer sees it.</summary>
public sealed record OutputDescriptor
{
    /// <summary>The camelCase JSON key.</summary>
    public required string Name { get; init; }

    public required string TypeName { get; init; }

    public required string DisplayName { get; init; }

    public string? Description { get; init; }

    [JsonIgnore]
    // Not 'required': System.Text.Json refuses required members it is told to ignore.
    public ActivityPort Port { get; init; } = null!;
}
